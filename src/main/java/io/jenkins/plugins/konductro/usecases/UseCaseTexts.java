package io.jenkins.plugins.konductro.usecases;

/** What people looking at builds are told: a pull request's progress, and why its state is not live. */
public final class UseCaseTexts {

    private UseCaseTexts() {}

    static String bitbucketBusy(RecordedPullRequest pr) {
        return Messages.UseCaseTexts_bitbucketBusy(pr.repository());
    }

    static String stillAsking(RecordedPullRequest pr) {
        return Messages.UseCaseTexts_stillAsking();
    }

    static String notVisible(RecordedPullRequest pr) {
        return Messages.UseCaseTexts_notVisible(Long.toString(pr.id()), pr.repository());
    }

    static String notRefreshed(String reason) {
        return Messages.UseCaseTexts_notRefreshed(reason);
    }

    /** For a viewer who is not logged in. */
    public static String anonymous(String workspace) {
        return Messages.UseCaseTexts_anonymous(workspace);
    }

    /** For a logged-in viewer with no Konductro credential for the workspace. */
    public static String noCredential(String workspace) {
        return Messages.UseCaseTexts_noCredential(workspace);
    }

    /** "3 of 5 acceptance criteria resolved", as the log and the build page say it. */
    public static String criteriaResolved(int resolved, int total) {
        String resolvedText = Integer.toString(resolved);
        String totalText = Integer.toString(total);
        return total == 1 ? Messages.UseCaseTexts_criterionResolved(resolvedText, totalText)
                : Messages.UseCaseTexts_criteriaResolved(resolvedText, totalText);
    }

    /** The spec file's path leads out of the workspace (through a link). */
    public static String fileOutsideWorkspace(String step, String path) {
        return Messages.UseCaseTexts_fileOutsideWorkspace(step, path);
    }

    /** The spec file is, or lies under, a link inside the workspace. */
    public static String fileThroughLink(String step, String path) {
        return Messages.UseCaseTexts_fileThroughLink(step, path);
    }
}
