package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Feature branch names: the default {@code feature/<TICKET>-<slug>} and the git rules any name must meet. */
public final class BranchNames {
    public static final int MAX_DEFAULT_LENGTH = 60;
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]");

    private BranchNames() {}

    /** {@code feature/KON-42-add-login-form}: ASCII, lower-case summary, at most 60 characters, cut at a word. */
    public static String defaultName(TicketKey ticket, String summary) {
        String prefix = "feature/" + ticket.value();
        String slug = summary == null ? "" : Normalizer.normalize(summary, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        int room = MAX_DEFAULT_LENGTH - prefix.length() - 1;
        if (slug.length() > room) {
            int cut = slug.lastIndexOf('-', room);
            slug = cut > 0 ? slug.substring(0, cut) : slug.substring(0, Math.max(room, 0));
        }
        return slug.isEmpty() ? prefix : prefix + "-" + slug;
    }

    /** Refuses names git would refuse (see git-check-ref-format); {@code what} names the argument. */
    public static String requireValid(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(what + " is required.");
        }
        String problem = BitbucketInputs.looksLikeAtlassianToken(name) ? "it looks like a token" : problem(name.strip());
        if (problem != null) {
            throw new InvalidInputException(what + " " + BitbucketInputs.quoted(name) + " is not a valid branch name: " + problem + ".");
        }
        return name.strip();
    }

    private static String problem(String name) {
        if (FORBIDDEN.matcher(name).find()) {
            return "it contains a space, a control character or one of ~ ^ : ? * [ \\";
        }
        if (name.contains("..") || name.contains("//") || name.contains("@{") || name.contains("/.")) {
            return "it contains '..', '//', '/.' or '@{'";
        }
        if (name.startsWith("/") || name.endsWith("/") || name.startsWith("-") || name.startsWith(".")
                || name.endsWith(".") || name.endsWith(".lock") || name.equals("@")) {
            return "it starts or ends with '/', '-', '.', or ends with '.lock'";
        }
        return name.length() > 255 ? "it is longer than 255 characters" : null;
    }
}
