package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.bitbucket.Sentence;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.util.List;

/**
 * What the steps write to the build log and fail with, for Pipeline and freestyle builds alike: which sentence of
 * {@code Messages.properties} fits, and its arguments (numbers as text, so that they are not grouped).
 */
final class StepTexts {

    private StepTexts() {}

    static String branchCreated(BranchStarted started, RepositoryRef repo) {
        String branch = started.branch().branch();
        String commit = shortHash(started.branch().commit());
        String url = started.branch().url();
        return started.branch().created() ? Messages.StepTexts_branchCreated(branch, repo.fullName(), commit, url)
                : Messages.StepTexts_branchAlreadyThere(branch, repo.fullName(), commit, url);
    }

    static String specPushed(SpecPushed pushed, RepositoryRef repo, String branch) {
        String path = pushed.spec().path();
        String commit = shortHash(pushed.spec().commit());
        String url = pushed.spec().url();
        return pushed.spec().changed() ? Messages.StepTexts_specPushed(path, branch, repo.fullName(), commit, url)
                : Messages.StepTexts_specUpToDate(path, branch, repo.fullName(), commit, url);
    }

    static String reviewerNotAdded(String userId, String reason) {
        return Messages.StepTexts_reviewerNotAdded(userId, Sentence.end(reason));
    }

    static String pullRequestOpened(PullRequestOpened opened, RepositoryRef repo, String source) {
        List<String> added = opened.reviewersAdded();
        List<String> defaults = opened.defaultReviewersAdded();
        int created = opened.tasksCreated().size();
        int existing = opened.tasksExisting().size();
        StringBuilder line = new StringBuilder(pullRequestOpened(opened.pullRequest(), repo, source));
        if (!added.isEmpty()) {
            line.append(Messages.StepTexts_reviewersAdded(String.join(", ", added)));
        }
        if (!defaults.isEmpty()) {
            line.append(Messages.StepTexts_defaultReviewersAdded(String.join(", ", defaults)));
        }
        if (created + existing > 0) {
            line.append(Messages.StepTexts_acceptanceTasks(Integer.toString(created), Integer.toString(existing)));
        }
        return withLink(line.toString(), opened.pullRequest().url());
    }

    /** The first words of the line above, for a pull request whose tasks could not all be created. */
    static String pullRequestOpened(PullRequestResult pr, RepositoryRef repo, String source) {
        String id = Long.toString(pr.id());
        return pr.created() ? Messages.StepTexts_pullRequestOpened(id, source, repo.fullName())
                : Messages.StepTexts_pullRequestAlreadyOpen(id, source, repo.fullName());
    }

    /** A log line followed by the link it is about. */
    static String withLink(String line, String url) {
        return Messages.StepTexts_withLink(line, url);
    }

    static String defaultReviewersRefused(RepositoryRef repository, String why) {
        return Messages.StepTexts_defaultReviewersRefused(repository.fullName(), why);
    }

    /** How a repository's default reviewer is named in the log and the result. */
    static String defaultReviewer(DefaultReviewer reviewer) {
        return (reviewer.displayName() == null ? "" : reviewer.displayName() + " ") + reviewer.uuid();
    }

    static String pullRequestRead(PullRequestRead read, RepositoryRef repo) {
        String id = Long.toString(read.status().id());
        String state = read.status().state();
        String title = read.status().title();
        String url = read.status().url();
        if (read.acceptance() == null) {
            return Messages.StepTexts_pullRequestReadProgressUnknown(id, repo.fullName(), state, title,
                    read.acceptanceUnknown(), url);
        }
        if (read.acceptance().total() == 0) {
            return Messages.StepTexts_pullRequestRead(id, repo.fullName(), state, title, url);
        }
        return Messages.StepTexts_pullRequestReadWithProgress(id, repo.fullName(), state, title,
                UseCaseTexts.criteriaResolved(read.acceptance().resolved(), read.acceptance().total()), url);
    }

    static String noBranch(JobKind kind, String step, RepositoryRef repo, TicketKey ticket) {
        return Messages.StepTexts_noBranch(step, kind.startBranch(), repo.fullName(), String.valueOf(ticket));
    }

    static String specOrFile(JobKind kind, boolean neither) {
        return neither ? Messages.StepTexts_specOrFileNeither(kind.pushSpec())
                : Messages.StepTexts_specOrFileBoth(kind.pushSpec());
    }

    static String noWorkspace(JobKind kind, String file) {
        return kind == JobKind.PIPELINE ? Messages.StepTexts_noWorkspacePipeline(kind.pushSpec(), file)
                : Messages.StepTexts_noWorkspaceFreestyle(kind.pushSpec(), file);
    }

    static String fileOutsideWorkspace(JobKind kind, String file) {
        return Messages.StepTexts_fileOutsideWorkspace(kind.pushSpec(), file);
    }

    static String noPullRequestChosen(JobKind kind) {
        return Messages.StepTexts_noPullRequestChosen(kind.pullRequestStatus(), kind.startBranch());
    }

    static String notAPullRequestId(String id) {
        return Messages.StepTexts_notAPullRequestId(id);
    }

    static String notSaved(Exception e) {
        return Messages.StepTexts_notSaved(e.getMessage());
    }

    static String credentialDoesNotWork(StoredCredential stored, String problem) {
        return Messages.StepTexts_credentialDoesNotWork(stored.toString(), problem);
    }

    static String noRepository(String step) {
        return Messages.StepTexts_noRepository(step);
    }

    static String chooseLinked(String step, String linked) {
        return Messages.StepTexts_chooseLinked(step, linked);
    }

    static String bareSlugWithoutLinks(String step, String slug) {
        return Messages.StepTexts_bareSlugWithoutLinks(step, slug);
    }

    static String notLinked(String step, String repository, String linked) {
        return Messages.StepTexts_notLinked(step, repository, linked);
    }

    static String ambiguousSlug(String step, String slug, String linked) {
        return Messages.StepTexts_ambiguousSlug(step, slug, linked);
    }

    private static String shortHash(String commit) {
        return commit == null ? "?" : commit.substring(0, Math.min(12, commit.length()));
    }
}
