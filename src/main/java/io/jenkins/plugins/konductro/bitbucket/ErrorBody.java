package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * What Bitbucket said in an error answer: its message, its reasons per field and the scopes it requires. Only a JSON
 * body is read, and only its first 64 KiB; HTML, empty and unreadable bodies give an empty message.
 *
 * @param fromApi whether the answer is Bitbucket's JSON error object, not some other page
 */
record ErrorBody(String message, Map<String, String> fields, List<String> requiredScopes, boolean fromApi) {
    static final int MAX_BYTES = 64 * 1024;
    static final ErrorBody NONE = new ErrorBody("", Map.of(), List.of(), false);

    static ErrorBody read(ResponseBody body) {
        MediaType type = body.contentType();
        if (type == null || !type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
            return NONE;
        }
        try {
            BufferedSource source = body.source();
            source.request(MAX_BYTES);
            byte[] json = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_BYTES));
            Envelope envelope = JsonAnswers.MAPPER.readValue(json, Envelope.class);
            return envelope.error() == null ? NONE : envelope.error().toErrorBody();
        } catch (IOException | RuntimeException unreadable) {
            return NONE;
        }
    }

    /** Bitbucket's message after a colon, or nothing when it gave none. */
    String suffix() {
        return message.isEmpty() ? "" : ": " + message;
    }

    /** The suffix, ending the sentence once, whether or not Bitbucket's own message ends with a full stop. */
    String ending() {
        return Sentence.end(suffix());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Details error) {}

    /**
     * The error's parts stay JSON trees because their shape varies: the definition types {@code detail} as a string,
     * but for missing scopes Bitbucket sends an object with {@code required}; a field's reason is a string or an array
     * of strings. An error object of an unexpected shape is still Bitbucket's error (its 404 still means "none").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Details(JsonNode message, JsonNode detail, JsonNode fields) {
        ErrorBody toErrorBody() {
            Map<String, String> reasons = new LinkedHashMap<>();
            if (fields != null) {
                fields.properties().forEach(field -> reasons.put(field.getKey(),
                        field.getValue().isArray() ? joined(field.getValue()) : field.getValue().asText()));
            }
            List<String> required = new ArrayList<>();
            if (detail != null) {
                detail.path("required").forEach(scope -> required.add(scope.asText()));
            }
            return new ErrorBody(message == null ? "" : message.asText(""), reasons, required, true);
        }

        private static String joined(JsonNode array) {
            List<String> parts = new ArrayList<>();
            array.forEach(part -> parts.add(part.asText()));
            return String.join("; ", parts);
        }
    }
}
