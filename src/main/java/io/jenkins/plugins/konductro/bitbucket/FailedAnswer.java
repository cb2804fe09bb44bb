package io.jenkins.plugins.konductro.bitbucket;

import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * The facts of an answer that is not a success: its status, the call it answered (method and path), its content
 * type and what Bitbucket said in it. Each {@code as…} method turns them into the {@link BitbucketException} that
 * says what to do.
 *
 * @param contentType {@code type/subtype}, or null when the answer named none
 */
record FailedAnswer(int status, String call, String contentType, ErrorBody error) {

    static FailedAnswer of(Response response, String call) {
        MediaType type = response.body().contentType();
        return new FailedAnswer(response.code(), call, type == null ? null : type.type() + "/" + type.subtype(),
                ErrorBody.read(response.body()));
    }

    /** The exception for an answer given at once (not one retried until attempts or budget ran out). */
    BitbucketException asException(ApiTokenCredential credential) {
        String email = credential.email();
        return switch (status) {
            case 400 -> new BitbucketException.BadRequest(error.fields().isEmpty()
                    ? Messages.FailedAnswer_badRequest(call, error.suffix())
                    : Messages.FailedAnswer_badRequestWithFields(call, error.suffix(), error.fields().toString()),
                    error.message(), error.fields());
            case 401 -> new BitbucketException.AuthenticationFailed(Messages.FailedAnswer_authenticationFailed(email, call));
            case 403 -> lacksScope()
                    ? new BitbucketException.MissingScope(error.requiredScopes().isEmpty()
                            ? Messages.FailedAnswer_missingAScope(email, call)
                            : Messages.FailedAnswer_missingScopes(email, String.join(", ", error.requiredScopes()), call),
                            error.requiredScopes())
                    : new BitbucketException.AccessDenied(Messages.FailedAnswer_accessDenied(call, email, error.ending()));
            case 404 -> error.fromApi()
                    ? new BitbucketException.NotFound(Messages.FailedAnswer_notFound(call, email, error.ending()))
                    : asNotFoundOutsideTheApi();
            case 409 -> new BitbucketException.Conflict(Messages.FailedAnswer_conflict(call, error.ending()));
            case 410 -> new BitbucketException.Gone(Messages.FailedAnswer_gone(call, error.ending()));
            default -> status >= 500
                    ? new BitbucketException.ServerError(status,
                            Messages.FailedAnswer_serverError(call, Integer.toString(status), error.ending()))
                    : new BitbucketException.UnexpectedStatus(status,
                            Messages.FailedAnswer_unexpectedStatus(Integer.toString(status), call, error.ending()));
        };
    }

    /**
     * The exception for a 429 or 5xx that retries did not outlast.
     *
     * @param refusedWait the wait that would have broken the budget, or null when attempts ran out
     */
    BitbucketException asGivenUp(int attempts, Duration refusedWait, Duration budget) {
        String tried = RetryingSender.attemptCount(attempts);
        String code = Integer.toString(status);
        if (status == 429) {
            return new BitbucketException.RateLimited(refusedWait == null
                    ? Messages.FailedAnswer_rateLimited(call, tried)
                    : Messages.FailedAnswer_rateLimitedBeyondBudget(call, tried, seconds(refusedWait), seconds(budget)));
        }
        return new BitbucketException.ServerError(status, refusedWait == null
                ? Messages.FailedAnswer_serverErrorAfterRetries(code, call, tried, error.ending())
                : Messages.FailedAnswer_serverErrorBeyondBudget(code, call, tried, seconds(refusedWait), seconds(budget),
                        error.ending()));
    }

    /** An HTTP 404 that is not Bitbucket's JSON error (a proxy's or an outage page) says nothing about what exists. */
    BitbucketException asNotFoundOutsideTheApi() {
        return new BitbucketException.UnexpectedStatus(404, Messages.FailedAnswer_notFoundOutsideTheApi(call,
                contentType == null ? Messages.FailedAnswer_noContentType() : contentType));
    }

    private boolean lacksScope() {
        return !error.requiredScopes().isEmpty() || error.message().contains("privilege scopes");
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }
}
