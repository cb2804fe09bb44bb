package io.jenkins.plugins.konductro.bitbucket;

/** Ends messages built around someone else's words (Bitbucket's, a reason) with exactly one full stop. */
public final class Sentence {
    private Sentence() {}

    /** {@code text} with a full stop, unless it already ends a sentence. */
    public static String end(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
