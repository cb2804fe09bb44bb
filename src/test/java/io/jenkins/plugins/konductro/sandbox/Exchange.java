package io.jenkins.plugins.konductro.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received and the answer it gave, as tests and the contract check see it.
 * {@code path} is the decoded path below the API root (for example {@code /repositories/acme-team/widgets}),
 * {@code rawTarget} the request target exactly as sent. Header names are lower case.
 * {@code status} is -1 when the sandbox dropped the connection instead of answering.
 */
public record Exchange(
        int connectionIndex,
        String method,
        String rawTarget,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    public String requestHeader(String name) {
        List<String> values = requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True when the sandbox closed the connection instead of answering. */
    public boolean dropped() {
        return status < 0;
    }

    public String requestText() {
        return new String(requestBody, StandardCharsets.UTF_8);
    }

    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + rawTarget + " -> " + status;
    }
}
