package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class and searches all they logged, printed and threw for any token they used. */
@Order(Integer.MAX_VALUE)
class TokenLeakTest {

    @Test
    void noTokenInAnyLogLineOrExceptionMessageOfTheSuite() {
        Set<String> secrets = SecretLeakWatch.secrets();
        List<String> lines = SecretLeakWatch.lines();
        // When run alone there is nothing to search: the whole suite is what this checks.
        org.junit.jupiter.api.Assumptions.assumeTrue(secrets.size() >= 5 && lines.size() >= 30,
                "run with the whole suite (" + ClassOrderer.OrderAnnotation.class.getSimpleName() + " puts this last)");
        assertEquals(0, leakCount(lines, secrets), "log lines or exception messages containing a token");
        assertTrue(lines.stream().anyMatch(line -> line.contains("did not accept the API token")),
                "the search saw the suite's 401 messages");
    }

    @Test
    void theSearchFindsAPlantedToken() {
        String token = "ATATT3" + "x".repeat(186);
        assertEquals(1, leakCount(List.of("fine", "Authorization failed for " + token), Set.of(token)));
        assertEquals(0, leakCount(List.of("fine", "ATATT3xxxx"), Set.of(token)));
    }

    private static long leakCount(List<String> lines, Set<String> secrets) {
        return lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).count();
    }
}
