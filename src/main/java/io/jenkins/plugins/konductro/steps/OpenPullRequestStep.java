package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.CredentialProblem;
import io.jenkins.plugins.konductro.credentials.ReviewerSelection;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @DataBoundConstructor
    public OpenPullRequestStep(String repository, String ticket) {
        super(repository);
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
        this.title = blankToNull(title);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = blankToNull(description);
    }

    public List<String> getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    /** One criterion per entry; an entry of several lines (the form's text area) gives one per line. */
    @DataBoundSetter
    public void setAcceptanceCriteria(List<String> acceptanceCriteria) {
        this.acceptanceCriteria = lines(acceptanceCriteria);
    }

    public String getDestination() {
        return destination;
    }

    @DataBoundSetter
    public void setDestination(String destination) {
        this.destination = blankToNull(destination);
    }

    public List<String> getReviewers() {
        return reviewers;
    }

    /** Jenkins user ids; an entry of several lines (the form's text area) gives one per line. */
    @DataBoundSetter
    public void setReviewers(List<String> reviewers) {
        this.reviewers = lines(reviewers);
    }

    public boolean isCloseSourceBranch() {
        return closeSourceBranch;
    }

    @DataBoundSetter
    public void setCloseSourceBranch(boolean closeSourceBranch) {
        this.closeSourceBranch = closeSourceBranch;
    }

    @Override
    Map<String, Object> run(StepEnvironment env) throws IOException, StepFailure, CredentialProblem {
        RepositoryRef repo = repositoryRef();
        TicketKey key = TicketKey.of(ticket);
        String source = branchFor(env, repo, key, "konductroOpenPr");
        Developer developer = developer(env, repo);
        ReviewerSelection selection = ReviewerSelection.of(env.reviewers(), reviewers, repo.workspace(),
                env.credentials().actingUserId(), developer.accountUuid());
        PullRequestResult pr = env.operations().openPullRequest(developer, repo, ticket, source, title, description,
                acceptanceCriteria, destination, selection.accountUuids(), closeSourceBranch);

        List<String> skipped = new ArrayList<>();
        selection.skipped().forEach((userId, reason) -> {
            skipped.add(userId);
            env.console().println("Reviewer " + userId + " not added: " + reason + ".");
        });
        for (SkippedReviewer refused : pr.reviewersSkipped()) {
            String userId = selection.userIdOf(refused.uuid());
            skipped.add(userId);
            env.console().println("Reviewer " + userId + " not added: " + refused.reason() + ".");
        }
        List<String> added = new ArrayList<>(pr.reviewersAdded().stream().map(selection::userIdOf).toList());
        env.console().println((pr.created() ? "Opened pull request #" : "Pull request already open: #") + pr.id() + " "
                + source + " in " + repo.fullName() + (added.isEmpty() ? "" : ", reviewers " + String.join(", ", added))
                + " — " + pr.url());
        return result("id", Math.toIntExact(pr.id()), "url", pr.url(), "state", pr.state(), "created", pr.created(),
                "reviewersAdded", added, "reviewersSkipped", skipped);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroOpenPr";
        }

        @Override
        public String getDisplayName() {
            return "Konductro: open the ticket's pull request";
        }
    }
}
