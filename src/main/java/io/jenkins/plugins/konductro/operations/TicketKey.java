package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.util.regex.Pattern;

/** A ticket key such as {@code KON-42}: project key, dash, number. Nothing else reaches a path or a ref. */
public record TicketKey(String value) {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]+-[1-9][0-9]*");

    public TicketKey {
        if (value == null || !KEY.matcher(value).matches()) {
            throw new InvalidInputException("Ticket '" + value + "' is not a ticket key. Use the project key in capitals, "
                    + "a dash and the number, for example KON-42.");
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
