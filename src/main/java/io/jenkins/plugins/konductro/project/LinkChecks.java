package io.jenkins.plugins.konductro.project;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.Replaceable;
import io.jenkins.plugins.konductro.credentials.ViewerCredentials;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import io.jenkins.plugins.konductro.usecases.LinkedRepositories;
import io.jenkins.plugins.konductro.usecases.OwnCredentials;
import java.util.Optional;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/** What saving a Konductro setting asks of Jenkins: whether a person saves a form, and what was linked before; tests put in their own. */
interface LinkChecks {

    /** Whose setting: a job's or a folder's. */
    enum Owner { JOB, FOLDER }

    /**
     * A person saving the configuration form of a job or folder.
     *
     * @param before  what that job or folder linked until now
     * @param saver   the person's own credentials
     * @param linking what looks the repositories up
     */
    record FormSave(LinkedRepositories before, OwnCredentials saver, LinkRepositories linking) {}

    /** The form save this setting comes from; empty for Job DSL, Configuration as Code, a Jenkinsfile, or loading. */
    Optional<FormSave> formSave(Owner owner);

    Replaceable<LinkChecks> IN_USE = new Replaceable<>(new InJenkins());

    static LinkChecks current() {
        return IN_USE.get();
    }

    /** Replaces the checks until the returned handle is closed (tests). */
    static AutoCloseable replacedBy(LinkChecks checks) {
        return IN_USE.replacedBy(checks);
    }

    final class InJenkins implements LinkChecks {
        @Override
        public Optional<FormSave> formSave(Owner owner) {
            StaplerRequest2 request = Stapler.getCurrentRequest2();
            if (request == null || !request.getRequestURI().replaceFirst(";.*$", "").endsWith("/configSubmit")) {
                return Optional.empty();
            }
            Item item = owner == Owner.JOB ? request.findAncestorObject(Job.class) : request.findAncestorObject(AbstractFolder.class);
            return item == null ? Optional.empty() : Optional.of(new FormSave(ProjectSetting.own(item).linked(),
                    ViewerCredentials.current(item), KonductroService.linkRepositories()));
        }
    }
}
