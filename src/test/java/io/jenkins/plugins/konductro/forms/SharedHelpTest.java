package io.jenkins.plugins.konductro.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.konductro.project.KonductroProjectProperty;
import io.jenkins.plugins.konductro.steps.OpenPullRequestStep;
import io.jenkins.plugins.konductro.steps.PullRequestStatusStep;
import org.junit.jupiter.api.Test;

class SharedHelpTest {
    private static final String STEP = "/descriptor/io.jenkins.plugins.konductro.steps.OpenPullRequestStep/help";

    /** A class whose help file lives under {@code SharedHelpTest/Nested/}, as Stapler maps {@code $}. */
    static final class Nested {
    }

    @Test
    void aFieldsHelpIsServedByTheOwnersDescriptor() {
        assertEquals(STEP + "/reviewers", new SharedHelp(OpenPullRequestStep.class).url("reviewers"));
        assertEquals("/descriptor/io.jenkins.plugins.konductro.project.KonductroProjectProperty/help/defaultReviewers",
                new SharedHelp(KonductroProjectProperty.class).url("defaultReviewers"));
    }

    @Test
    void aHelpFileBesideASuperclassCountsAndIsServedUnderTheOwner() {
        // help-repository.html is KonductroStep's; the owner's descriptor serves it, as Descriptor.doHelp walks up.
        assertEquals("/descriptor/io.jenkins.plugins.konductro.steps.PullRequestStatusStep/help/repository",
                new SharedHelp(PullRequestStatusStep.class).url("repository"));
    }

    @Test
    void theOverviewIsTheHelpWithoutAField() {
        assertEquals(STEP, new SharedHelp(OpenPullRequestStep.class).url(null));
        assertNull(new SharedHelp(KonductroProjectProperty.class).url(null), "the job setting has no overview");
    }

    @Test
    void aFieldWithoutHelpHasNoLink() {
        assertNull(new SharedHelp(OpenPullRequestStep.class).url("summary"), "summary is StartBranchStep's field");
        assertNull(new SharedHelp(Object.class).url("anything"));
    }

    @Test
    void aNestedOwnersFilesAreFoundUnderItsOuterClass() {
        assertEquals("/descriptor/io.jenkins.plugins.konductro.forms.SharedHelpTest$Nested/help/only",
                new SharedHelp(Nested.class).url("only"));
    }

    @Test
    void anOwnerIsRequired() {
        assertThrows(NullPointerException.class, () -> new SharedHelp(null));
    }
}
