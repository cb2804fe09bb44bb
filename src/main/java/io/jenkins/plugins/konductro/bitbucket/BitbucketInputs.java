package io.jenkins.plugins.konductro.bitbucket;

import java.util.Locale;
import java.util.regex.Pattern;

/** The checks every input passes before it is sent to Bitbucket Cloud. */
public final class BitbucketInputs {
    private static final Pattern WORKSPACE_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,61}");
    private static final Pattern REPOSITORY_SLUG = Pattern.compile("[a-z0-9_.-]{1,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    private BitbucketInputs() {}

    public static String workspaceSlug(String workspace) {
        String value = required(workspace, "Workspace");
        if (WORKSPACE_SLUG.matcher(value).matches()) {
            return value;
        }
        String suggestion = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        throw new InvalidInputException("Workspace '" + value + "' looks like a display name, not a workspace slug. "
                + "Use the slug: the part right after bitbucket.org/ in your repository URLs"
                + (suggestion.isEmpty() ? "" : " (perhaps '" + suggestion + "')") + ".");
    }

    public static String repositorySlug(String repository) {
        String value = required(repository, "Repository");
        if (REPOSITORY_SLUG.matcher(value).matches() && !value.equals(".") && !value.equals("..")) {
            return value;
        }
        throw new InvalidInputException("Repository '" + value + "' is not a repository slug. Use the lower-case name "
                + "that appears in its URL after bitbucket.org/<workspace>/"
                + (value.equals(value.toLowerCase(Locale.ROOT)) ? "" : " (perhaps '" + value.toLowerCase(Locale.ROOT) + "')")
                + ".");
    }

    public static String email(String email) {
        String value = required(email, "E-mail");
        if (EMAIL.matcher(value).matches()) {
            return value;
        }
        throw new InvalidInputException("'" + value + "' is not an e-mail address. Bitbucket Cloud API tokens are used with "
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
        if (token.regionMatches(true, 0, "Bearer ", 0, 7) || token.startsWith("ATCTT3")) {
            throw new InvalidInputException("This looks like a workspace, project or repository access token. Access "
                    + "tokens act as no person, so Konductro cannot make branches and pull requests as you with one. "
                    + "Use a personal Atlassian API token with scopes (id.atlassian.com › Security › API tokens).");
        }
        if (token.startsWith("ATBB")) {
            throw new InvalidInputException("This looks like a Bitbucket app password. App passwords no longer work "
                    + "(removed on 2026-07-28). Use a personal Atlassian API token with scopes "
                    + "(id.atlassian.com › Security › API tokens › Create API token with scopes).");
        }
        if (!token.strip().equals(token) || token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("The API token contains spaces or line breaks; paste it again without them.");
        }
        return token;
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " is required.");
        }
        return value.strip();
    }
}
