package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls to the API as the endpoints make them: with the developer's credential, sent with retries, a failed answer
 * thrown as its {@link BitbucketException}, a JSON answer read into a record.
 */
final class ApiCalls {
    static final String USER_AGENT = "konductro-jenkins/" + version();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl apiUrl;
    private final RetryingSender sender;

    ApiCalls(HttpUrl apiUrl, RetryingSender sender) {
        this.apiUrl = apiUrl;
        this.sender = sender;
    }

    <T> T get(ApiTokenCredential credential, HttpUrl url, Class<T> answer) throws IOException {
        return get(credential, url, JsonAnswers.MAPPER.constructType(answer));
    }

    <T> T get(ApiTokenCredential credential, HttpUrl url, JavaType answer) throws IOException {
        try (Response response = send(credential, new Request.Builder().url(url).get(), true)) {
            requireSuccess(credential, response);
            return read(response, r -> JsonAnswers.read(r, answer));
        }
    }

    /**
     * A GET whose 404 means "there is none" rather than an error; but only Bitbucket's own 404, with its JSON error:
     * an HTML 404 (a proxy's, an outage page) says nothing about what exists.
     */
    <T> Optional<T> getIfPresent(ApiTokenCredential credential, HttpUrl url, AnswerReader<T> reader) throws IOException {
        try (Response response = send(credential, new Request.Builder().url(url).get(), true)) {
            if (response.code() == 404) {
                FailedAnswer notFound = FailedAnswer.of(response, describe(response.request()));
                if (notFound.error().fromApi()) {
                    return Optional.empty();
                }
                throw notFound.asNotFoundOutsideTheApi();
            }
            requireSuccess(credential, response);
            return Optional.of(read(response, reader));
        }
    }

    /** Reads a successful answer. */
    @FunctionalInterface
    interface AnswerReader<T> {
        T read(Response response) throws IOException;
    }

    /** A POST of {@code body} as JSON (one of {@link JsonBodies}). */
    <T> T post(ApiTokenCredential credential, HttpUrl url, Object body, Class<T> answer) throws IOException {
        RequestBody json = RequestBody.create(JsonAnswers.MAPPER.writeValueAsBytes(body), JSON);
        try (Response response = send(credential, new Request.Builder().url(url).post(json), false)) {
            requireSuccess(credential, response);
            return read(response, r -> JsonAnswers.read(r, answer));
        }
    }

    /** A successful answer that is not JSON of the shape the API describes is refused with the call it answered. */
    private <T> T read(Response response, AnswerReader<T> reader) throws IOException {
        try {
            return reader.read(response);
        } catch (JsonProcessingException unreadable) {
            throw new BitbucketException.UnexpectedStatus(response.code(),
                    Messages.ApiCalls_unreadableAnswer(describe(response.request())));
        }
    }

    /** A POST of a form, whose answer only says whether it worked. */
    void post(ApiTokenCredential credential, HttpUrl url, MultipartBody form) throws IOException {
        try (Response response = send(credential, new Request.Builder().url(url).post(form), false)) {
            requireSuccess(credential, response);
        }
    }

    private Response send(ApiTokenCredential credential, Request.Builder builder, boolean idempotent) throws IOException {
        Request request = builder
                .header("Authorization", Credentials.basic(credential.email(), credential.token(), StandardCharsets.UTF_8))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .build();
        return sender.send(request, describe(request), idempotent);
    }

    private void requireSuccess(ApiTokenCredential credential, Response response) throws BitbucketException {
        if (!response.isSuccessful()) {
            throw FailedAnswer.of(response, describe(response.request())).asException(credential);
        }
    }

    /** Method and path only: queries can be long, and nothing secret is ever in either. */
    private String describe(Request request) {
        String path = request.url().encodedPath();
        String root = apiUrl.encodedPath();
        return request.method() + " " + (path.startsWith(root) ? path.substring(root.length() - (root.endsWith("/") ? 1 : 0)) : path);
    }

    /** The plugin's version, from {@code client.properties} that the build fills in; "dev" when it did not. */
    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ApiCalls.class.getResourceAsStream("client.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "dev"
        }
        String version = properties.getProperty("version", "dev");
        return version.startsWith("${") ? "dev" : version;
    }
}
