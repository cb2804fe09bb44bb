package io.jenkins.plugins.konductro.pages;

/** "checked 12 s ago": on the page as rendered, and in the state answer, from which the page's script takes it. */
final class Ages {

    private Ages() {}

    static String checked(long agoMillis) {
        long seconds = Math.max(0, agoMillis / 1000);
        if (seconds < 60) {
            return Messages.Ages_seconds(Long.toString(seconds));
        }
        if (seconds < 3600) {
            return Messages.Ages_minutes(Long.toString(seconds / 60));
        }
        if (seconds < 86400) {
            return Messages.Ages_hours(Long.toString(seconds / 3600));
        }
        return Messages.Ages_days(Long.toString(seconds / 86400));
    }
}
