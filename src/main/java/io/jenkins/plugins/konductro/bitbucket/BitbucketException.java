package io.jenkins.plugins.konductro.bitbucket;

import java.io.IOException;

/**
 * Bitbucket Cloud answered with an error, or could not be reached. Subclasses name the kind; the message
 * says what to do about it and never contains a token.
 */
public class BitbucketException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public BitbucketException(int status, String message) {
        super(message);
        this.status = status;
    }

    public BitbucketException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** 401: the token, the e-mail or the token type is wrong. */
    public static final class AuthenticationFailed extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public AuthenticationFailed(String message) {
            super(401, message);
        }
    }

    /** 403 because the token was created without a scope the call needs. */
    public static final class MissingScope extends BitbucketException {
        private static final long serialVersionUID = 1L;
        private final java.util.List<String> requiredScopes;

        public MissingScope(String message, java.util.List<String> requiredScopes) {
            super(403, message);
            this.requiredScopes = java.util.List.copyOf(requiredScopes);
        }

        public java.util.List<String> requiredScopes() {
            return requiredScopes;
        }
    }

    /** 403 for any other reason, such as no access to the workspace. */
    public static final class AccessDenied extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public AccessDenied(String message) {
            super(403, message);
        }
    }

    /** 404: does not exist, or is not visible to this account. */
    public static final class NotFound extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(404, message);
        }
    }

    /** 409: the branch moved since it was read. */
    public static final class Conflict extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(409, message);
        }
    }

    /** 400, with Bitbucket's per-field reasons. */
    public static final class BadRequest extends BitbucketException {
        private static final long serialVersionUID = 1L;
        private final String bitbucketMessage;
        private final java.util.Map<String, String> fields;

        public BadRequest(String message, String bitbucketMessage, java.util.Map<String, String> fields) {
            super(400, message);
            this.bitbucketMessage = bitbucketMessage;
            this.fields = java.util.Map.copyOf(fields);
        }

        public String bitbucketMessage() {
            return bitbucketMessage;
        }

        public java.util.Map<String, String> fields() {
            return fields;
        }
    }

    /** 410: the endpoint was removed, or the account is flagged. */
    public static final class Gone extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public Gone(String message) {
            super(410, message);
        }
    }

    /** 429 that retries within the wait budget could not outlast. */
    public static final class RateLimited extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public RateLimited(String message) {
            super(429, message);
        }
    }

    /** 5xx, after retries where the request was safe to repeat. */
    public static final class ServerError extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public ServerError(int status, String message) {
            super(status, message);
        }
    }

    /** Any other unexpected status. */
    public static final class UnexpectedStatus extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public UnexpectedStatus(int status, String message) {
            super(status, message);
        }
    }

    /**
     * No answer: timeout, reset or refused connection, or for a POST a gateway failure (502, 504, 555). For a
     * POST the request may or may not have been processed; callers re-read the state rather than posting again.
     */
    public static final class NoAnswer extends BitbucketException {
        private static final long serialVersionUID = 1L;

        public NoAnswer(String message, IOException cause) {
            super(0, message, cause);
        }
    }
}
