package io.jenkins.plugins.konductro.freestyle;

import hudson.Extension;
import io.jenkins.plugins.konductro.steps.OpenPullRequestStep;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.OpenPullRequestRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle: opens the ticket's pull request with its acceptance criteria, or finds the one already open; sets
 * {@code KONDUCTRO_PR_…}. Criteria and reviewers are typed one per line.
 */
public final class OpenPullRequestBuilder extends KonductroBuilder {
    private final String ticket;
    private String title;
    private String description;
    private String acceptanceCriteria;
    private String destination;
    private String reviewers;
    private boolean closeSourceBranch;
    /** {@code null} (not set, or a build step saved before the option existed) means yes. */
    private Boolean acceptanceTasks;
    private boolean defaultReviewers;

    @DataBoundConstructor
    public OpenPullRequestBuilder(String ticket) {
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

    public String getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    /** One criterion per line. */
    @DataBoundSetter
    public void setAcceptanceCriteria(String acceptanceCriteria) {
        this.acceptanceCriteria = Arguments.text(acceptanceCriteria);
    }

    public String getDestination() {
        return destination;
    }

    @DataBoundSetter
    public void setDestination(String destination) {
        this.destination = Arguments.text(destination);
    }

    public String getReviewers() {
        return reviewers;
    }

    /** Jenkins user ids, one per line. */
    @DataBoundSetter
    public void setReviewers(String reviewers) {
        this.reviewers = Arguments.text(reviewers);
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

    /** {@code branch} is the pull request's source branch; a line of criteria or reviewers may expand to several. */
    OpenPullRequestRequest toRequest(UnaryOperator<String> variables) {
        return OpenPullRequestRequest.of(getRepository(), ticket).withSourceBranch(getBranch()).withTitle(title)
                .withDescription(description).withAcceptanceCriteria(Arguments.lines(acceptanceCriteria))
                .withDestination(destination).withReviewers(Arguments.lines(reviewers))
                .withCloseSourceBranch(closeSourceBranch).withAcceptanceTasks(isAcceptanceTasks())
                .withDefaultReviewers(defaultReviewers).withCredentialsId(getCredentialsId()).expanded(variables);
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure {
        return useCases.openPullRequest().run(toRequest(variables), build);
    }

    @Extension
    @Symbol("konductroOpenPrBuilder")
    public static final class DescriptorImpl extends KonductroBuilderDescriptor {
        public DescriptorImpl() {
            super(OpenPullRequestStep.class);
        }

        @Override
        public String getDisplayName() {
            return JobKind.FREESTYLE.openPullRequest();
        }
    }
}
