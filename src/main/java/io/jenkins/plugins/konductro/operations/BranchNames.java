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
            throw new InvalidInputException(Messages.BranchNames_required(what));
        }
        String quoted = BitbucketInputs.quoted(name);
        String problem = BitbucketInputs.looksLikeAtlassianToken(name)
                ? Messages.BranchNames_looksLikeToken(what, quoted) : problem(name.strip(), what, quoted);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        return name.strip();
    }

    /** Why git would refuse {@code name}, as the sentence that says so; {@code null} when it would not. */
    private static String problem(String name, String what, String quoted) {
        if (FORBIDDEN.matcher(name).find()) {
            return Messages.BranchNames_forbiddenCharacter(what, quoted);
        }
        if (name.contains("..") || name.contains("//") || name.contains("@{") || name.contains("/.")) {
            return Messages.BranchNames_forbiddenSequence(what, quoted);
        }
        if (name.startsWith("/") || name.endsWith("/") || name.startsWith("-") || name.startsWith(".")
                || name.endsWith(".") || name.endsWith(".lock") || name.equals("@")) {
            return Messages.BranchNames_badStartOrEnd(what, quoted);
        }
        return name.length() > 255 ? Messages.BranchNames_tooLong(what, quoted) : null;
    }
}
