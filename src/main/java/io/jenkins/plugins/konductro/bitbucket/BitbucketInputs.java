package io.jenkins.plugins.konductro.bitbucket;

import java.util.Locale;
import java.util.function.Supplier;
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
        String value = required(workspace, Messages::BitbucketInputs_workspaceRequired);
        if (WORKSPACE_SLUG.matcher(value).matches()) {
            return value;
        }
        String suggestion = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        throw new InvalidInputException(suggestion.isEmpty() || looksSecret(value)
                ? Messages.BitbucketInputs_notAWorkspaceSlug(quoted(value))
                : Messages.BitbucketInputs_notAWorkspaceSlugPerhaps(quoted(value), quoted(suggestion)));
    }

    public static String repositorySlug(String repository) {
        String value = required(repository, Messages::BitbucketInputs_repositoryRequired);
        if (REPOSITORY_SLUG.matcher(value).matches() && !value.equals(".") && !value.equals("..")) {
            return value;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        throw new InvalidInputException(lower.equals(value) || !REPOSITORY_SLUG.matcher(lower).matches() || looksSecret(value)
                ? Messages.BitbucketInputs_notARepositorySlug(quoted(value))
                : Messages.BitbucketInputs_notARepositorySlugPerhaps(quoted(value), quoted(lower)));
    }

    public static String email(String email) {
        String value = required(email, Messages::BitbucketInputs_emailRequired);
        if (EMAIL.matcher(value).matches()) {
            return value;
        }
        throw new InvalidInputException(Messages.BitbucketInputs_notAnEmail(quoted(value)));
    }

    /**
     * Refuses secrets that cannot work as a personal API token. The shape is only used to explain the
     * refusal; an unknown shape is left for Bitbucket to judge. Messages never include the secret.
     */
    public static String apiToken(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException(Messages.BitbucketInputs_apiTokenEmpty());
        }
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidInputException(Messages.BitbucketInputs_apiTokenWithBearer());
        }
        if (token.startsWith("ATCTT3")) {
            throw new InvalidInputException(Messages.BitbucketInputs_accessToken());
        }
        if (token.startsWith("ATBB")) {
            throw new InvalidInputException(Messages.BitbucketInputs_appPassword());
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(Messages.BitbucketInputs_apiTokenWithWhitespace());
        }
        return token;
    }

    /**
     * A value quoted for a message, or a placeholder when it could be a secret (pasted into the wrong field):
     * a message must never carry a token.
     */
    public static String quoted(String value) {
        if (value == null) {
            return Messages.BitbucketInputs_none();
        }
        return looksSecret(value) ? Messages.BitbucketInputs_secretNotShown() : Messages.BitbucketInputs_quoted(value);
    }

    /** Token-shaped, or holding a long opaque run of characters: not to be repeated in a message. */
    public static boolean looksSecret(String value) {
        return looksLikeAtlassianToken(value) || LONG_OPAQUE_RUN.matcher(value).find();
    }

    /** Shaped like an Atlassian API token, access token or app password. */
    public static boolean looksLikeAtlassianToken(String value) {
        return TOKEN_SHAPE.matcher(value).find();
    }

    static String required(String value, Supplier<String> messageWhenMissing) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(messageWhenMissing.get());
        }
        return value.strip();
    }
}
