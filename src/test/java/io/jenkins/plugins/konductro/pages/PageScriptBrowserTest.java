package io.jenkins.plugins.konductro.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build page's script in a real headless browser (Debian's Chromium): a page made of the HTML the build page's
 * views render ({@link JellyPage}), the real {@code pr-state.js} and {@code pr-state.css} served as adjuncts under a
 * Content-Security-Policy that forbids inline script, and a loopback server playing the action's state endpoint.
 */
class PageScriptBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String STATE_PATH = "/jenkins/job/widgets/7/konductro/state";

    private MockWebServer server;
    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stateRequests = new AtomicInteger();
    private volatile String lastAnswer;

    @TempDir
    Path profile;

    @BeforeEach
    void servesThePage() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println("SKIPPED PageScriptBrowserTest: " + CHROMIUM + " is not installed (.ci/run installs it)");
            Assumptions.abort("Chromium is not installed");
        }
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>widgets #7</title></head>"
                + "<body><table>" + JellyPage.render("io/jenkins/plugins/konductro/pages/KonductroBuildAction/summary.jelly",
                        Map.of("it", build(), "rootURL", "/jenkins"))
                + "</table><div id=\"history\">"
                + JellyPage.render("io/jenkins/plugins/konductro/pages/KonductroBuildAction/badge.jelly", Map.of("it", build()))
                + "</div></body></html>";
        String script = JellyPage.read("io/jenkins/plugins/konductro/pages/pr-state.js");
        String style = JellyPage.read("io/jenkins/plugins/konductro/pages/pr-state.css");
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/page" -> html(page);
                    case "/adjuncts/io/jenkins/plugins/konductro/pages/pr-state.js" -> typed(script, "text/javascript");
                    case "/adjuncts/io/jenkins/plugins/konductro/pages/pr-state.css" -> typed(style, "text/css");
                    case STATE_PATH -> state();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stops() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** The build page's model: one open pull request, as the build recorded it a while ago. */
    private static Map<String, Object> build() {
        PullRequestView pr = new PullRequestView("acme-team/widgets#12", "acme-team/widgets", 12, "KON-42: export widgets as csv",
                "OPEN", "open", "https://bitbucket.org/acme-team/widgets/pull-requests/12", "checked 5 min ago", "KON-42",
                "feature/KON-42-export-widgets-as-csv",
                "https://bitbucket.org/acme-team/widgets/branch/feature/KON-42-export-widgets-as-csv", "825645eac9f6",
                "https://bitbucket.org/acme-team/widgets/src/825645eac9f671d1d1d29d445c639e2c34e1c781/.tickets/KON-42.md",
                false, "1 of 3 acceptance criteria resolved");
        return Map.of("pullRequests", List.of(pr), "badge", pr, "run", Map.of("url", "job/widgets/7/"),
                "urlName", "konductro", "pollSeconds", 1);
    }

    private MockResponse state() {
        stateRequests.incrementAndGet();
        String next = answers.poll();
        if (next != null) {
            lastAnswer = next;
        }
        if (lastAnswer == null || lastAnswer.equals("500")) {
            return new MockResponse.Builder().code(500).body("<html>Oops</html>").build();
        }
        return typed(lastAnswer, "application/json");
    }

    private static String answer(String state, boolean isFinal, int secondsAgo, String note) {
        return answer(state, isFinal, secondsAgo, note, null);
    }

    /** As {@link StateJson} writes it: the age both in seconds and in words, which the script shows. */
    private static String answer(String state, boolean isFinal, int secondsAgo, String note, String progress) {
        return "{\"pullRequests\":[{\"key\":\"acme-team/widgets#12\",\"id\":12,\"title\":\"KON-42: export widgets as csv\","
                + "\"state\":\"" + state + "\",\"url\":\"https://bitbucket.org/acme-team/widgets/pull-requests/12\","
                + "\"final\":" + isFinal + ",\"live\":" + (note == null) + ",\"checkedSecondsAgo\":" + secondsAgo
                + ",\"checked\":\"" + Ages.checked(secondsAgo * 1000L) + "\",\"note\":" + (note == null ? "null" : "\"" + note + "\"")
                + ",\"progress\":" + (progress == null ? "null" : "\"" + progress + "\"") + "}]}";
    }

    private static MockResponse html(String body) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'")
                .body(body).build();
    }

    private static MockResponse typed(String body, String type) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", type + "; charset=utf-8").body(body).build();
    }

    private String chromium(String... mode) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=20000"));
        command.addAll(List.of(mode));
        command.add(server.url("/page").toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theStateIsUpdatedInPlaceAndPollingStopsAtAFinalState() throws Exception {
        answers.add(answer("OPEN", false, 3, null));
        answers.add(answer("MERGED", true, 0, null));
        String dom = chromium("--dump-dom");
        assertTrue(dom.contains("konductro-state konductro-state-merged\">MERGED<"), dom);
        assertTrue(dom.contains("konductro-badge konductro-state konductro-state-merged\""), "the badge follows: " + dom);
        assertTrue(dom.contains("checked 0 s ago"), dom);
        assertEquals(2, stateRequests.get(), "asked until the state was final, then never again");
    }

    @Test
    void theAcceptanceProgressIsShownAndUpdatedInPlace() throws Exception {
        answers.add(answer("OPEN", false, 3, null, "3 of 3 acceptance criteria resolved"));
        answers.add(answer("MERGED", true, 0, null, null));
        String dom = chromium("--dump-dom");
        assertTrue(dom.contains("konductro-progress\">3 of 3 acceptance criteria resolved<"),
                "updated, and kept when a later answer has none: " + dom);
    }

    @Test
    void anErrorAnswerLeavesTheLastKnownStateAndAsksLessOften() throws Exception {
        answers.add("500");
        String dom = chromium("--dump-dom");
        assertTrue(dom.contains("konductro-state konductro-state-open\">OPEN<"), dom);
        assertTrue(dom.contains("checked 5 min ago"), "what the page first showed stays: " + dom);
        assertTrue(dom.contains("konductro-progress\">1 of 3 acceptance criteria resolved<"), dom);
        int requests = stateRequests.get();
        assertTrue(requests >= 2 && requests <= 5, "failed answers double the wait (2, 4, 8, 16 s in 20 s): " + requests);
    }

    @Test
    void aViewerWhoCannotRefreshSeesWhy() throws Exception {
        answers.add(answer("OPEN", false, 300, "Save your own Bitbucket Cloud API token (Konductro) for 'acme-team'"));
        String dom = chromium("--dump-dom");
        assertTrue(dom.contains("konductro-note\">Save your own Bitbucket Cloud API token (Konductro) for 'acme-team'<"), dom);
        assertTrue(dom.contains("checked 5 min ago"), dom);
    }

    @Test
    void aScreenshotOfTheBuildBox() throws Exception {
        answers.add(answer("MERGED", true, 2, null));
        Path screenshot = Path.of("target/konductro-build-box.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=900,220", "--hide-scrollbars");
        assertTrue(Files.size(screenshot) > 1000, "a picture of the box was written to " + screenshot);
    }
}
