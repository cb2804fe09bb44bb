package io.jenkins.plugins.konductro.usecases;

/** What people looking at builds are told: a pull request's progress, and why its state is not live. */
public final class UseCaseTexts {

    private UseCaseTexts() {}

    static String bitbucketBusy(RecordedPullRequest pr) {
        return "Bitbucket Cloud is not answering for " + pr.repository() + " right now; this is the last known state, "
                + "and it is asked again in a while.";
    }

    static String stillAsking(RecordedPullRequest pr) {
        return "Bitbucket Cloud has not answered yet; showing the state last known.";
    }

    static String notVisible(RecordedPullRequest pr) {
        return "Bitbucket Cloud did not show you #" + pr.id() + " in " + pr.repository() + " (no access, or it was "
                + "deleted); this is the last known state.";
    }

    static String notRefreshed(String reason) {
        return "Not refreshed: " + reason;
    }

    /** For a viewer who is not logged in. */
    public static String anonymous(String workspace) {
        return "Log in, and save your own Bitbucket Cloud API token (Konductro) for '" + workspace + "' under your name in the page header › "
                + "Credentials, to see the live state.";
    }

    /** For a logged-in viewer with no Konductro credential for the workspace. */
    public static String noCredential(String workspace) {
        return "Save your own Bitbucket Cloud API token (Konductro) for '" + workspace + "' under your name in the page header › "
                + "Credentials to see the live state.";
    }

    /** "3 of 5 acceptance criteria resolved", as the log and the build page say it. */
    public static String criteriaResolved(int resolved, int total) {
        return resolved + " of " + total + " acceptance criteri" + (total == 1 ? "on" : "a") + " resolved";
    }

    /** The spec file's path leads out of the workspace (through a link). */
    public static String fileOutsideWorkspace(String step, String path) {
        return step + ": file '" + path + "' leads out of the workspace through a symbolic link; Konductro reads only "
                + "files inside the workspace.";
    }

    /** The spec file is, or lies under, a link inside the workspace. */
    public static String fileThroughLink(String step, String path) {
        return step + ": file '" + path + "' is, or lies under, a symbolic link; Konductro reads no file through a "
                + "link, so that a checkout cannot make it commit a file from elsewhere. Give the spec as a plain file.";
    }
}
