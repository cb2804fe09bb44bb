package io.jenkins.plugins.konductro.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KonductroDemoTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final KonductroDemo demo = new KonductroDemo(new PrintStream(output, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(SecretLeakWatch::recordLine);
        return lines;
    }

    @Test
    void theSandboxFlowShowsEveryStep() throws Exception {
        assertEquals(0, demo.run(new String[0], Map.of()));
        String text = String.join("\n", lines());
        assertTrue(text.contains("1. verify        Authenticated as Alice Doe ({"), text);
        assertTrue(text.contains("2. start branch  feature/KON-42-export-widgets-as-csv at "), text);
        assertTrue(text.contains("(created)"), text);
        assertTrue(text.contains("3. push spec     .tickets/KON-42.md in "), text);
        assertTrue(text.contains("4. open PR       #1 OPEN (opened), reviewers [{"), text);
        assertTrue(text.contains("5. tasks         3 created, 0 already there: [The list page has an Export CSV button, "), text);
        assertTrue(text.contains("6. PR status     #1 OPEN \"KON-42: export widgets as csv\""), text);
        assertTrue(text.contains("1 of 3 acceptance criteria resolved; open: [The file has one row per widget, Large lists "
                + "stream without timeouts]"), text);
    }

    @Test
    void verifyChecksATokenFromTheEnvironmentAgainstAnyApiUrl() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            String token = SecretLeakWatch.secret(sandbox.demoToken("bob"));
            Map<String, String> env = Map.of("KONDUCTRO_API_URL", sandbox.apiUrl(), "KONDUCTRO_EMAIL", "bob@acme.test",
                    "KONDUCTRO_TOKEN", token, "KONDUCTRO_WORKSPACE", "acme-team");
            assertEquals(0, demo.run(new String[] {"verify"}, env));
            assertTrue(lines().get(0).startsWith("Authenticated as Bob Stone ({"), lines().toString());

            output.reset();
            assertEquals(1, demo.run(new String[] {"verify"}, Map.of("KONDUCTRO_API_URL", sandbox.apiUrl(),
                    "KONDUCTRO_EMAIL", "bob@acme.test", "KONDUCTRO_TOKEN", token, "KONDUCTRO_WORKSPACE", "other-team")));
            assertTrue(lines().get(0).contains("has no access to the workspace 'other-team'"), lines().toString());
        }
    }

    @Test
    void theFlowRunsAgainstAnyRepositoryAndIsSafeToRepeat() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            Map<String, String> env = Map.of("KONDUCTRO_API_URL", sandbox.apiUrl(), "KONDUCTRO_EMAIL", "alice@acme.test",
                    "KONDUCTRO_TOKEN", SecretLeakWatch.secret(sandbox.demoToken("alice")));
            String[] args = {"flow", "https://bitbucket.org/acme-team/widgets", "KON-7"};
            assertEquals(0, demo.run(args, env));
            output.reset();
            assertEquals(0, demo.run(args, env));
            String text = String.join("\n", lines());
            assertTrue(text.contains("(already there)") && text.contains("(unchanged)") && text.contains("(already open)"), text);
            assertTrue(text.contains("5. tasks         0 created, 3 already there"), "a rerun makes no task twice: " + text);
            assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size());
        }
    }

    @Test
    void missingEnvironmentIsExplained() throws Exception {
        assertEquals(2, demo.run(new String[] {"verify"}, Map.of()));
        assertTrue(lines().get(0).contains("Set KONDUCTRO_EMAIL, KONDUCTRO_TOKEN and KONDUCTRO_WORKSPACE"));
    }
}
