package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.OpenPullRequestRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code konductroOpenPr}: opens the ticket's pull request with its acceptance criteria as a checklist, or finds the
 * one already open. Reviewers are Jenkins users, found in Bitbucket through their own Konductro credential.
 */
public final class OpenPullRequestStep extends KonductroStep {
    private final String ticket;
    private String title;
    private String description;
    private List<String> acceptanceCriteria = List.of();
    private String destination;
    private List<String> reviewers = List.of();
    private boolean closeSourceBranch;
    /** {@code null} (not set, or a build step saved before the option existed) means yes. */
    private Boolean acceptanceTasks;
    private boolean defaultReviewers;

    @DataBoundConstructor
    public OpenPullRequestStep(String ticket) {
        this.ticket = ticket;
    }

    public String getTicket() {
        return ticket;
    }

    public String getTitle() {
        return title;
    }

    @DataBoundSetter
    public void setTitle(String title) {
        this.title = Arguments.text(title);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Arguments.text(description);
    }

    public List<String> getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    /** One criterion per entry; an entry of several lines (the form's text area) gives one per line. */
    @DataBoundSetter
    public void setAcceptanceCriteria(List<String> acceptanceCriteria) {
        this.acceptanceCriteria = Arguments.lines(acceptanceCriteria);
    }

    public String getDestination() {
        return destination;
    }

    @DataBoundSetter
    public void setDestination(String destination) {
        this.destination = Arguments.text(destination);
    }

    public List<String> getReviewers() {
        return reviewers;
    }

    /** Jenkins user ids; an entry of several lines (the form's text area) gives one per line. */
    @DataBoundSetter
    public void setReviewers(List<String> reviewers) {
        this.reviewers = Arguments.lines(reviewers);
    }

    public boolean isCloseSourceBranch() {
        return closeSourceBranch;
    }

    @DataBoundSetter
    public void setCloseSourceBranch(boolean closeSourceBranch) {
        this.closeSourceBranch = closeSourceBranch;
    }

    public boolean isAcceptanceTasks() {
        return acceptanceTasks == null || acceptanceTasks;
    }

    /** Each acceptance criterion becomes a task of the pull request (the default); {@code false} keeps only the checklist. */
    @DataBoundSetter
    public void setAcceptanceTasks(boolean acceptanceTasks) {
        this.acceptanceTasks = acceptanceTasks;
    }

    public boolean isDefaultReviewers() {
        return defaultReviewers;
    }

    /** Adds the repository's effective default reviewers to a new pull request (as the job's setting may for all). */
    @DataBoundSetter
    public void setDefaultReviewers(boolean defaultReviewers) {
        this.defaultReviewers = defaultReviewers;
    }

    /** {@code branch} is the pull request's source branch. */
    OpenPullRequestRequest toRequest() {
        return OpenPullRequestRequest.of(getRepository(), ticket).withSourceBranch(getBranch()).withTitle(title)
                .withDescription(description).withAcceptanceCriteria(acceptanceCriteria).withDestination(destination)
                .withReviewers(reviewers).withCloseSourceBranch(closeSourceBranch).withAcceptanceTasks(isAcceptanceTasks())
                .withDefaultReviewers(defaultReviewers).withCredentialsId(getCredentialsId());
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return useCases.openPullRequest().run(toRequest(), build);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroOpenPr";
        }

        @Override
        public String getDisplayName() {
            return Messages.OpenPullRequestStep_DisplayName();
        }
    }
}
