package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.util.regex.Pattern;

/** A ticket key such as {@code KON-42}: project key, dash, number. Nothing else reaches a path or a ref. */
public record TicketKey(String value) {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]+-[1-9][0-9]*");
    /** Keeps {@code feature/<TICKET>} well inside the 60 characters of a default branch name. */
    public static final int MAX_LENGTH = 32;

    public TicketKey {
        if (value == null || value.length() > MAX_LENGTH || !KEY.matcher(value).matches()) {
            throw new InvalidInputException(Messages.TicketKey_notATicketKey(BitbucketInputs.quoted(value),
                    Integer.toString(MAX_LENGTH)));
        }
    }

    public static TicketKey of(String value) {
        return new TicketKey(value == null ? null : value.strip());
    }

    /** Where the ticket's spec lives in the repository. */
    public String specPath() {
        return ".tickets/" + value + ".md";
    }

    @Override
    public String toString() {
        return value;
    }
}
