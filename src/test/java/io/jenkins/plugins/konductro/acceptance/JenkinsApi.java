package io.jenkins.plugins.konductro.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a person would look at besides the pages: a job's config.xml, a build's console and result. */
final class JenkinsApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    JenkinsApi(String url) {
        this.url = url;
    }

    String get(String user, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    String configXml(String jobPath) throws IOException {
        return get("admin", jobPath + "config.xml");
    }

    /** Waits for build {@code number} of the job to finish, and returns its result (SUCCESS, FAILURE…). */
    String waitForBuild(String jobPath, int number, Duration limit) throws IOException {
        Instant until = Instant.now().plus(limit);
        Pattern result = Pattern.compile("\"result\":\"?([A-Z_]+|null)\"?");
        while (Instant.now().isBefore(until)) {
            try {
                String json = get("admin", jobPath + number + "/api/json?tree=result,building");
                Matcher m = result.matcher(json);
                if (json.contains("\"building\":false") && m.find() && !m.group(1).equals("null")) {
                    return m.group(1);
                }
            } catch (IOException notYet) {
                // the build is still in the queue
            }
            RealJenkins.sleep(500);
        }
        throw new IOException("build " + jobPath + number + " did not finish within " + limit);
    }

    String console(String jobPath, int number) throws IOException {
        return get("admin", jobPath + number + "/consoleText");
    }
}
