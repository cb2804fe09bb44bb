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
        assertTrue(lines.stream().anyMatch(line -> line.contains("retrying in")), "the search saw the client's retry log");
        assertTrue(lines.stream().anyMatch(line -> line.contains("1. verify")), "the search saw what the demo printed");
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Opened pull request #")), "the search saw the steps' build logs");
    }

    @Test
    void theSearchFindsAPlantedToken() {
        String token = "ATATT3" + "x".repeat(186);
        assertEquals(1, leakCount(List.of("fine", "Authorization failed for " + token), Set.of(token)));
        assertEquals(0, leakCount(List.of("fine", "ATATT3xxxx"), Set.of(token)));
    }

    @Test
    void theSearchAlsoFindsAChangedCaseOrAnEncodedToken() {
        String token = "ATATT3" + "xY-z".repeat(40);
        assertEquals(1, leakCount(List.of("GET /x?t=" + token.toLowerCase(java.util.Locale.ROOT)), Set.of(token)));
        assertEquals(1, leakCount(List.of("Basic " + java.util.Base64.getEncoder().encodeToString(
                ("a@b.test:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8))), Set.of(token)));
    }

    /** Lines holding a secret as is, in another case, or inside Base64 (an Authorization header, say). */
    private static long leakCount(List<String> lines, Set<String> secrets) {
        return lines.stream().filter(line -> {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            String decoded = decodedBase64Runs(line);
            return secrets.stream().anyMatch(secret -> lower.contains(secret.toLowerCase(java.util.Locale.ROOT))
                    || decoded.contains(secret));
        }).count();
    }

    private static String decodedBase64Runs(String line) {
        StringBuilder decoded = new StringBuilder();
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}").matcher(line);
        while (run.find()) {
            try {
                decoded.append(new String(java.util.Base64.getDecoder().decode(run.group()), java.nio.charset.StandardCharsets.UTF_8))
                        .append('\n');
            } catch (IllegalArgumentException notBase64) {
                // not a whole Base64 text
            }
        }
        return decoded.toString();
    }
}
