package io.jenkins.plugins.konductro.bitbucket;

/** Input refused before any call to Bitbucket; the message says what to change. */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
