package io.jenkins.plugins.konductro.bitbucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    private static ErrorBody read(String json) {
        return ErrorBody.read(ResponseBody.create(json, MediaType.get("application/json; charset=utf-8")));
    }

    @Test
    void bitbucketsMessageFieldsAndRequiredScopesAreRead() {
        ErrorBody error = read("""
                {"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.",
                 "detail": {"granted": ["read:user:bitbucket"], "required": ["read:workspace:bitbucket", "admin:x"]},
                 "fields": {"source": "branch not found", "reviewers": ["one", "two"]}}}""");
        assertTrue(error.fromApi());
        assertEquals("Your credentials lack one or more required privilege scopes.", error.message());
        assertEquals(List.of("read:workspace:bitbucket", "admin:x"), error.requiredScopes());
        assertEquals(Map.of("source", "branch not found", "reviewers", "one; two"), error.fields());
        assertEquals(List.of("source", "reviewers"), List.copyOf(error.fields().keySet()), "in Bitbucket's order");
    }

    @Test
    void anErrorObjectOfAnUnexpectedShapeIsStillBitbucketsError() {
        ErrorBody error = read("{\"type\": \"error\", \"error\": {\"message\": {\"text\": \"x\"}, \"fields\": [\"a\"]}}");
        assertTrue(error.fromApi(), "its 404 still means there is none");
        assertEquals("", error.message());
        assertEquals(Map.of(), error.fields());
    }

    @Test
    void aDetailAsTextHasNoScopesAndAMissingMessageIsEmpty() {
        ErrorBody error = read("{\"type\": \"error\", \"error\": {\"detail\": \"some text\"}}");
        assertTrue(error.fromApi());
        assertEquals("", error.message());
        assertEquals(List.of(), error.requiredScopes());
        assertEquals("", error.suffix());
        assertEquals(".", error.ending());
    }

    @Test
    void theEndingAddsOneFullStop() {
        assertEquals(": Nope.", read("{\"error\": {\"message\": \"Nope\"}}").ending());
        assertEquals(": Nope.", read("{\"error\": {\"message\": \"Nope.\"}}").ending());
    }

    @Test
    void onlyBitbucketsJsonErrorObjectIsFromTheApi() {
        for (String other : new String[] {"{\"type\": \"error\"}", "{\"error\": \"flat\"}", "{\"error\": null}", "[1]", "not json", ""}) {
            assertEquals(ErrorBody.NONE, read(other), other);
        }
        ErrorBody html = ErrorBody.read(ResponseBody.create("{\"error\": {\"message\": \"x\"}}", MediaType.get("text/html")));
        assertEquals(ErrorBody.NONE, html, "read only when the answer says it is JSON");
        assertEquals(ErrorBody.NONE, ErrorBody.read(ResponseBody.create(new byte[0], null)));
    }

    @Test
    void onlyTheFirst64KibAreRead() {
        String padding = "x".repeat(ErrorBody.MAX_BYTES - 100);
        assertEquals(padding, read("{\"error\": {\"message\": \"" + padding + "\"}}").message());
        ErrorBody tooLong = read("{\"error\": {\"message\": \"" + padding + "x".repeat(200) + "\"}}");
        assertFalse(tooLong.fromApi(), "a cut-off JSON document is not read");
    }
}
