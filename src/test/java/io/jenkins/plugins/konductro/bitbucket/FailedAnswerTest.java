package io.jenkins.plugins.konductro.bitbucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sentences built from the bundle, under a locale that groups digits, so a number passed as a number would show. */
class FailedAnswerTest {
    private static final ApiTokenCredential ALICE = ApiTokenCredential.of("acme-team", "alice@acme.test", "ATATT3abcdefghij");
    private static final ErrorBody NOTHING_SAID = ErrorBody.NONE;

    private Locale locale;

    @BeforeEach
    void groupingLocale() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(locale);
    }

    private static ErrorBody said(String message) {
        return new ErrorBody(message, Map.of(), List.of(), true);
    }

    @Test
    void aRateLimitBeyondTheBudgetSaysHowLongInPlainSeconds() {
        BitbucketException e = new FailedAnswer(429, "GET /user", "application/json", said("Rate limit exceeded"))
                .asGivenUp(1, Duration.ofDays(1), Duration.ofSeconds(60));
        assertInstanceOf(BitbucketException.RateLimited.class, e);
        assertEquals("Bitbucket Cloud rate limit reached for GET /user after 1 attempt (waiting 86400 s more would exceed "
                + "the retry budget of 60 s). API tokens get about 1,000 repository requests an hour; try again later.", e.getMessage());
    }

    @Test
    void aServerErrorAfterRetriesCountsTheAttemptsAndEndsBitbucketsSentence() {
        BitbucketException e = new FailedAnswer(503, "GET /user", "application/json", said("Service Unavailable"))
                .asGivenUp(1200, null, Duration.ofSeconds(60));
        assertEquals(503, e.status());
        assertEquals("Bitbucket Cloud answered HTTP 503 for GET /user after 1200 attempts: Service Unavailable. "
                + "Check https://bitbucket.status.atlassian.com and try again.", e.getMessage());
    }

    @Test
    void aNotFoundPageOutsideTheApiKeepsItsApostrophes() {
        BitbucketException e = new FailedAnswer(404, "GET /user", "text/html", NOTHING_SAID).asException(ALICE);
        assertEquals("Bitbucket Cloud answered HTTP 404 for GET /user with text/html instead of its API's JSON error (a proxy's "
                + "or an outage page?), so whether it exists is unknown. Try again; if it goes on, check Jenkins' proxy settings.",
                e.getMessage());
        assertEquals("Bitbucket Cloud answered HTTP 404 for GET /user with no content type instead of its API's JSON error "
                + "(a proxy's or an outage page?), so whether it exists is unknown. Try again; if it goes on, check Jenkins' "
                + "proxy settings.", new FailedAnswer(404, "GET /user", null, NOTHING_SAID).asException(ALICE).getMessage());
    }

    @Test
    void a403IsAMissingScopeWhenBitbucketNamesOneOrSpeaksOfPrivilegeScopes() {
        BitbucketException.MissingScope named = assertInstanceOf(BitbucketException.MissingScope.class,
                new FailedAnswer(403, "GET /user", "application/json", new ErrorBody("x", Map.of(), List.of("a:b", "c:d"), true))
                        .asException(ALICE));
        assertEquals(List.of("a:b", "c:d"), named.requiredScopes());
        assertEquals("The API token of alice@acme.test lacks the scope a:b, c:d needed for GET /user. Create a new API token "
                + "with scopes at id.atlassian.com \u203a Security \u203a API tokens that includes it (scopes cannot be added "
                + "to an existing token).", named.getMessage());
        assertInstanceOf(BitbucketException.MissingScope.class, new FailedAnswer(403, "GET /user", "application/json",
                said("Your credentials lack one or more required privilege scopes.")).asException(ALICE));
        assertInstanceOf(BitbucketException.AccessDenied.class,
                new FailedAnswer(403, "GET /user", "application/json", said("No access.")).asException(ALICE));
    }

    @Test
    void aBadRequestCarriesBitbucketsMessageAndFields() {
        BitbucketException.BadRequest e = assertInstanceOf(BitbucketException.BadRequest.class, new FailedAnswer(400,
                "POST /x", "application/json", new ErrorBody("Bad", Map.of("title", "required"), List.of(), true)).asException(ALICE));
        assertEquals("Bitbucket Cloud refused POST /x: Bad {title=required}", e.getMessage());
        assertEquals("Bad", e.bitbucketMessage());
        assertEquals(Map.of("title", "required"), e.fields());
    }

    @Test
    void otherStatusesKeepTheirCode() {
        BitbucketException teapot = new FailedAnswer(418, "GET /user", null, NOTHING_SAID).asException(ALICE);
        assertEquals("Unexpected HTTP 418 from Bitbucket Cloud for GET /user.", teapot.getMessage());
        assertEquals(418, teapot.status());
        BitbucketException server = new FailedAnswer(500, "GET /user", null, said("Oops")).asException(ALICE);
        assertInstanceOf(BitbucketException.ServerError.class, server);
        assertEquals("Bitbucket Cloud failed on GET /user (HTTP 500): Oops. Try again later.", server.getMessage());
    }
}
