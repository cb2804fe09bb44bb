package io.jenkins.plugins.konductro.bitbucket;

import java.util.Locale;
import java.util.regex.Pattern;

/** The checks every input passes before it is sent to Bitbucket Cloud. */
public final class BitbucketInputs {
    private static final Pattern WORKSPACE_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,61}");
    private static final Pattern REPOSITORY_SLUG = Pattern.compile("[a-z0-9_.-]{1,62}");
    // No ':' before the '@': Basic authentication splits "email:token" at the first colon.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s:]+@[^@\\s:]+\\.[^@\\s.:]{2,}");
    private static final Pattern TOKEN_SHAPE = Pattern.compile("(ATATT3|ATCTT3|ATBB)[A-Za-z0-9_=-]{8,}");
    /** 40 or more characters without a separator, mixing capitals, small letters and digits. */
    private static final Pattern LONG_OPAQUE_RUN = Pattern.compile(
            "(?=[A-Za-z0-9_=+]*[A-Z])(?=[A-Za-z0-9_=+]*[a-z])(?=[A-Za-z0-9_=+]*[0-9])[A-Za-z0-9_=+]{40,}");

    private BitbucketInputs() {}

    public static String workspaceSlug(String workspace) {
        String value = required(workspace, "Workspace");
        if (WORKSPACE_SLUG.matcher(value).matches()) {
            return value;
        }
        String suggestion = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        throw new InvalidInputException("Workspace " + quoted(value) + " looks like a display name, not a workspace slug. "
                + "Use the slug: the part right after bitbucket.org/ in your repository URLs"
                + (suggestion.isEmpty() || looksSecret(value) ? "" : " (perhaps " + quoted(suggestion) + ")") + ".");
    }

    public static String repositorySlug(String repository) {
        String value = required(repository, "Repository");
        if (REPOSITORY_SLUG.matcher(value).matches() && !value.equals(".") && !value.equals("..")) {
            return value;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        throw new InvalidInputException("Repository " + quoted(value) + " is not a repository slug. Use the lower-case name "
                + "that appears in its URL after bitbucket.org/<workspace>/"
                + (lower.equals(value) || !REPOSITORY_SLUG.matcher(lower).matches() || looksSecret(value)
                        ? "" : " (perhaps " + quoted(lower) + ")")
                + ".");
    }

    public static String email(String email) {
        String value = required(email, "E-mail");
        if (EMAIL.matcher(value).matches()) {
            return value;
        }
        throw new InvalidInputException(quoted(value) + " is not an e-mail address. Bitbucket Cloud API tokens are used with "
                + "the e-mail of your Atlassian account (not your Bitbucket username).");
    }

    /**
     * Refuses secrets that cannot work as a personal API token. The shape is only used to explain the
     * refusal; an unknown shape is left for Bitbucket to judge. Messages never include the secret.
     */
    public static String apiToken(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("The API token is empty. Create one at id.atlassian.com › Security › "
                    + "API tokens › Create API token with scopes.");
        }
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidInputException("The API token starts with 'Bearer '. Konductro sends your personal API token "
                    + "with your e-mail (HTTP Basic); give the token alone.");
        }
        if (token.startsWith("ATCTT3")) {
            throw new InvalidInputException("This looks like a workspace, project or repository access token. Access "
                    + "tokens act as no person, so Konductro cannot make branches and pull requests as you with one. "
                    + "Use a personal Atlassian API token with scopes (id.atlassian.com › Security › API tokens).");
        }
        if (token.startsWith("ATBB")) {
            throw new InvalidInputException("This looks like a Bitbucket app password. App passwords no longer work "
                    + "(removed on 2026-07-28). Use a personal Atlassian API token with scopes "
                    + "(id.atlassian.com › Security › API tokens › Create API token with scopes).");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("The API token contains spaces or line breaks; paste it again without them.");
        }
        return token;
    }

    /**
     * A value quoted for a message, or a placeholder when it could be a secret (pasted into the wrong field):
     * a message must never carry a token.
     */
    public static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        return looksSecret(value) ? "(the value given, not shown: it looks like a token)" : "'" + value + "'";
    }

    /** Token-shaped, or holding a long opaque run of characters: not to be repeated in a message. */
    public static boolean looksSecret(String value) {
        return looksLikeAtlassianToken(value) || LONG_OPAQUE_RUN.matcher(value).find();
    }

    /** Shaped like an Atlassian API token, access token or app password. */
    public static boolean looksLikeAtlassianToken(String value) {
        return TOKEN_SHAPE.matcher(value).find();
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is required.");
        }
        return value.strip();
    }
}
