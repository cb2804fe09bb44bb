package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.bitbucket.Sentence;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.util.List;

/** What the steps write to the build log and fail with, for Pipeline and freestyle builds alike. */
final class StepTexts {

    private StepTexts() {}

    static String branchCreated(BranchStarted started, RepositoryRef repo) {
        return (started.branch().created() ? "Created branch " : "Branch already there: ") + started.branch().branch()
                + " in " + repo.fullName() + " at " + shortHash(started.branch().commit()) + " — " + started.branch().url();
    }

    static String specPushed(SpecPushed pushed, RepositoryRef repo, String branch) {
        return (pushed.spec().changed() ? "Pushed " + pushed.spec().path() + " to " : pushed.spec().path()
                + " is already up to date on ") + branch + " in " + repo.fullName() + " at " + shortHash(pushed.spec().commit())
                + " — " + pushed.spec().url();
    }

    static String reviewerNotAdded(String userId, String reason) {
        return "Reviewer " + userId + " not added: " + Sentence.end(reason);
    }

    static String pullRequestOpened(PullRequestOpened opened, RepositoryRef repo, String source) {
        List<String> added = opened.reviewersAdded();
        List<String> defaults = opened.defaultReviewersAdded();
        int tasks = opened.tasksCreated().size() + opened.tasksExisting().size();
        return pullRequestOpened(opened.pullRequest(), repo, source)
                + (added.isEmpty() ? "" : ", reviewers " + String.join(", ", added))
                + (defaults.isEmpty() ? "" : ", default reviewers " + String.join(", ", defaults))
                + (tasks == 0 ? "" : ", acceptance criteria as tasks: " + opened.tasksCreated().size() + " created, "
                        + opened.tasksExisting().size() + " already there")
                + " — " + opened.pullRequest().url();
    }

    /** The first words of the line above, for a pull request whose tasks could not all be created. */
    static String pullRequestOpened(PullRequestResult pr, RepositoryRef repo, String source) {
        return (pr.created() ? "Opened pull request #" : "Pull request already open: #") + pr.id() + " " + source + " in "
                + repo.fullName();
    }

    /** How a repository's default reviewer is named in the log and the result. */
    static String defaultReviewersRefused(RepositoryRef repository, String why) {
        return "Default reviewers not added: Bitbucket Cloud refused the list of " + repository.fullName()
                + "'s default reviewers (" + why + "). The pull request was opened without them.";
    }

    static String defaultReviewer(DefaultReviewer reviewer) {
        return (reviewer.displayName() == null ? "" : reviewer.displayName() + " ") + reviewer.uuid();
    }

    static String pullRequestRead(PullRequestRead read, RepositoryRef repo) {
        String progress = read.acceptance() == null ? ", acceptance progress unknown (" + read.acceptanceUnknown() + ")"
                : read.acceptance().total() == 0 ? ""
                : ", " + UseCaseTexts.criteriaResolved(read.acceptance().resolved(), read.acceptance().total());
        return "Pull request #" + read.status().id() + " in " + repo.fullName() + " is " + read.status().state() + ": "
                + read.status().title() + progress + " — " + read.status().url();
    }


    static String noBranch(JobKind kind, String step, RepositoryRef repo, TicketKey ticket) {
        return step + ": give branch, or run " + kind.startBranch() + " for " + repo.fullName() + " and " + ticket
                + " earlier in this build.";
    }

    static String specOrFile(JobKind kind, boolean neither) {
        return kind.pushSpec() + ": give either spec (the Markdown text) or file (a path in the workspace), "
                + (neither ? "not neither." : "not both.");
    }

    static String noWorkspace(JobKind kind, String file) {
        return kind.pushSpec() + ": file '" + file + "' is read from the workspace, and there is none here. "
                + (kind == JobKind.PIPELINE ? "Call the step inside node { … }, or pass the text as spec: readFile('" + file
                        + "')." : "Run the build on an agent with a workspace, or give the spec as text.");
    }

    static String fileOutsideWorkspace(JobKind kind, String file) {
        return kind.pushSpec() + ": file '" + file + "' is not inside the workspace. Give a path relative to the "
                + "workspace, such as specs/KON-42.md; absolute paths and '..' are refused.";
    }

    static String noPullRequestChosen(JobKind kind) {
        return kind.pullRequestStatus() + ": give id (the pull request number), branch (its source branch) or ticket "
                + "(after " + kind.startBranch() + " in this build).";
    }

    static String notAPullRequestId(String id) {
        return "Pull request id '" + id + "' is not a number; give the pull request's number, such as 42.";
    }

    static String notSaved(Exception e) {
        return "Konductro could not save the build now (" + e.getMessage() + "); the branch is remembered for this build "
                + "but may be forgotten if Jenkins restarts before the build ends.";
    }

    static String credentialDoesNotWork(StoredCredential stored, String problem) {
        return "Credential " + stored + " does not work: " + problem;
    }

    static String noRepository(String step) {
        return step + ": give repository (workspace/repo), or link the repository in the job's (or its folder's) "
                + "Konductro settings, so that steps may leave it out.";
    }

    static String chooseLinked(String step, String linked) {
        return step + ": this job links several repositories (" + linked + "); give repository, as one of them.";
    }

    static String bareSlugWithoutLinks(String step, String slug) {
        return step + ": repository '" + slug + "' names no workspace, and this job links no repository. Give "
                + "workspace/" + slug + ", or link the repository in the job's (or its folder's) Konductro settings.";
    }

    static String notLinked(String step, String repository, String linked) {
        return step + ": repository '" + repository + "' is not linked to this job. Its linked repositories are: "
                + linked + ". Use one of them, or link it in the job's (or its folder's) Konductro settings.";
    }

    static String ambiguousSlug(String step, String slug, String linked) {
        return step + ": '" + slug + "' names several linked repositories (" + linked + "); give workspace/" + slug + ".";
    }

    private static String shortHash(String commit) {
        return commit == null ? "?" : commit.substring(0, Math.min(12, commit.length()));
    }
}
