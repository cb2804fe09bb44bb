package io.jenkins.plugins.konductro.pages;

/** "checked 12 s ago", as the page's script writes it too (pr-state.js). */
final class Ages {

    private Ages() {}

    static String checked(long agoMillis) {
        long seconds = Math.max(0, agoMillis / 1000);
        if (seconds < 60) {
            return "checked " + seconds + " s ago";
        }
        if (seconds < 3600) {
            return "checked " + seconds / 60 + " min ago";
        }
        if (seconds < 86400) {
            return "checked " + seconds / 3600 + " h ago";
        }
        return "checked " + seconds / 86400 + " d ago";
    }
}
