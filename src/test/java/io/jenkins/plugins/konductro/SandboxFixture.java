package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.RetryPolicy;
import io.jenkins.plugins.konductro.contract.BitbucketContract;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh demo sandbox per test (acme-team/widgets, alice and bob), a client on it with millisecond retry
 * waits, and after each test: every exchange checked against Atlassian's definition, and no token in any URL.
 */
public final class SandboxFixture implements BeforeEachCallback, AfterEachCallback {
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofMillis(1), Duration.ofMillis(8));

    private BitbucketSandbox sandbox;
    private final List<String> contractViolations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox = BitbucketSandbox.startDemo();
        contractViolations.clear();
        sandbox.onExchange(exchange -> BitbucketContract.instance().violations(contractPart(exchange))
                .forEach(v -> contractViolations.add(exchange + ": " + v)));
        SecretLeakWatch.secret(sandbox.demoToken("alice"));
        SecretLeakWatch.secret(sandbox.demoToken("bob"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            assertEquals(List.of(), contractViolations, "exchanges that break Atlassian's definition");
            for (Exchange exchange : sandbox.exchanges()) {
                for (String secret : SecretLeakWatch.secrets()) {
                    if (exchange.rawTarget().contains(secret)) {
                        throw new AssertionError("A token was sent in a URL: " + exchange.method() + " " + exchange.path());
                    }
                }
            }
        } finally {
            sandbox.close();
        }
    }

    /**
     * An answer made up by an injected fault (429, 5xx, an HTML page) stands for a failure outside the API's
     * definition: only its request is checked, as for a dropped connection.
     */
    private static Exchange contractPart(Exchange exchange) {
        if (!exchange.responseHeaders().containsKey(BitbucketSandbox.FAULT_HEADER.toLowerCase(java.util.Locale.ROOT))) {
            return exchange;
        }
        return new Exchange(exchange.connectionIndex(), exchange.method(), exchange.rawTarget(), exchange.path(), exchange.query(),
                exchange.requestHeaders(), exchange.requestBody(), -1, java.util.Map.of(), new byte[0]);
    }

    public BitbucketSandbox sandbox() {
        return sandbox;
    }

    public BitbucketClient.Builder clientBuilder() {
        return BitbucketClient.builder().apiUrl(sandbox.apiUrl()).retryPolicy(FAST_RETRIES);
    }

    public BitbucketClient client() {
        return clientBuilder().build();
    }

    public ApiTokenCredential alice() {
        return ApiTokenCredential.of("acme-team", "alice@acme.test", sandbox.demoToken("alice"));
    }

    public ApiTokenCredential bob() {
        return ApiTokenCredential.of("acme-team", "bob@acme.test", sandbox.demoToken("bob"));
    }

    /** A user with a token of exactly these scopes, optionally a member of acme-team. */
    public ApiTokenCredential user(String email, String displayName, boolean member, String... scopes) {
        sandbox.addUser(email, displayName);
        if (member) {
            sandbox.addMember("acme-team", email, "member");
        }
        return ApiTokenCredential.of("acme-team", email, SecretLeakWatch.secret(sandbox.issueToken(email, scopes)));
    }

    public Developer aliceDeveloper() {
        return new Developer(alice(), "Alice Doe", sandbox.user("alice@acme.test").uuid());
    }

    public List<Exchange> exchanges() {
        return sandbox.exchanges();
    }

    /** Requests made by {@code action}, counted from the sandbox's record. */
    public int requestsDuring(ThrowingRunnable action) throws Exception {
        sandbox.clearExchanges();
        action.run();
        return sandbox.exchanges().size();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
