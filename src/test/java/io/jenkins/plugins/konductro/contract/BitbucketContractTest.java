package io.jenkins.plugins.konductro.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.sandbox.Exchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitbucketContractTest {

    private static final BitbucketContract CONTRACT = BitbucketContract.instance();

    private static final String BASE = "/2.0/repositories/acme-team/widgets";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String JSON = "application/json; charset=utf-8";

    private static final String USER = """
            {"type": "user", "uuid": "{0f1e2d3c-0000-4000-8000-000000000001}", "account_id": "557058:abc",
             "display_name": "Ada Lovelace", "nickname": "ada",
             "links": {"avatar": {"href": "https://avatar.example/ada.png"}}}""";

    private static final String BRANCH = """
            {"type": "branch", "name": "feature/KON-1",
             "target": {"type": "commit", "hash": "%s", "date": "2026-06-01T10:00:00+00:00",
                        "parents": [{"type": "commit", "hash": "%s"}]},
             "links": {"html": {"href": "https://bitbucket.org/acme-team/widgets/branch/feature/KON-1"}}}"""
            .formatted(SHA, SHA);

    private static final String PULL_REQUEST = """
            {"type": "pullrequest", "id": 7, "title": "KON-42: spec", "state": "OPEN",
             "author": %s,
             "source": {"branch": {"name": "feature/KON-42"}, "commit": {"hash": "0123456789ab"}},
             "destination": {"branch": {"name": "main"}},
             "close_source_branch": true, "merge_commit": null,
             "created_on": "2026-06-01T10:00:00.123456+00:00", "updated_on": "2026-06-01T10:00:00.654321+00:00",
             "links": {"html": {"href": "https://bitbucket.org/acme-team/widgets/pull-requests/7"}}}"""
            .formatted(USER);

    private static final String ERROR_404 = """
            {"type": "error", "error": {"message": "Repository acme-team/widgets not found"}}""";

    // ---- the plain cases

    @Test
    void validGetUserPasses() {
        assertEquals(List.of(), CONTRACT.violations(get("/2.0/user", 200, USER)));
        CONTRACT.assertValid(get("/2.0/user", 200, USER));
    }

    @Test
    void responseMissingARequiredFieldFails() {
        List<String> violations = CONTRACT.violations(get("/2.0/user", 200, "{\"uuid\": \"{1}\"}"));
        assertHas(violations, "validation.response.body.schema.required", "\"type\"");
    }

    @Test
    void responseWithAWrongTypeFails() {
        List<String> violations = CONTRACT.violations(get("/2.0/user", 200, "{\"type\": \"user\", \"uuid\": 42}"));
        assertHas(violations, "validation.response.body.schema.type", "/uuid");
        assertEquals(1, violations.size(), violations.toString());
    }

    @Test
    void responseThatIsNotJsonFails() {
        assertHas(CONTRACT.violations(get("/2.0/user", 200, "{not json")), "validation.response.body", "");
    }

    @Test
    void undeclaredPathFails() {
        assertHas(CONTRACT.violations(get("/2.0/workspaces", 200, "{\"values\": []}")),
                "validation.request.path.missing", "/workspaces");
        // Removed in CHANGE-2770, and not among the operations Konductro may use.
        assertHas(CONTRACT.violations(get("/2.0/user/permissions/workspaces", 410, ERROR_404)),
                "validation.request.path.missing", "");
    }

    @Test
    void undeclaredMethodFails() {
        Exchange delete = exchange("DELETE", BASE + "/refs/branches/feature%2FKON-1", Map.of(), null, null, 204,
                null, null);
        assertFalse(CONTRACT.violations(delete).isEmpty());
    }

    @Test
    void undeclaredStatusFails() {
        // Not a tolerance: the definition declares no 429 for GET /user, so a 429 is reported.
        String limited = "{\"type\": \"error\", \"error\": {\"message\": \"Rate limit for this resource has been exceeded.\"}}";
        assertHas(CONTRACT.violations(get("/2.0/user", 429, limited)), "validation.response.status.unknown", "429");
    }

    @Test
    void undeclaredReferenceErrorStatusPassesOnlyWithAnErrorBody() {
        String conflict = "{\"type\": \"error\", \"error\": {\"message\": \"parents is not the branch tip\"}}";
        assertEquals(List.of(), CONTRACT.violations(get("/2.0/user", 403, conflict)));
        assertHas(CONTRACT.violations(get("/2.0/user", 403, "{\"message\": \"no\"}")), "validation.response.status.unknown", "403");
        assertHas(CONTRACT.violations(get("/2.0/user", 418, conflict)), "validation.response.status.unknown", "418");
    }

    @Test
    void assertValidListsTheViolations() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> CONTRACT.assertValid(get("/2.0/user", 200, "{\"type\": \"user\", \"uuid\": 42}")));
        assertTrue(error.getMessage().contains("GET /2.0/user -> 200"), error.getMessage());
        assertTrue(error.getMessage().contains("/uuid"), error.getMessage());
    }

    @Test
    void droppedConnectionChecksTheRequestOnly() {
        Exchange dropped = exchange("GET", "/2.0/user", Map.of(), null, null, -1, null, null);
        assertEquals(List.of(), CONTRACT.violations(dropped));
        Exchange droppedBad = exchange("GET", "/2.0/user?bogus=1", Map.of("bogus", List.of("1")), null, null, -1,
                null, null);
        assertHas(CONTRACT.violations(droppedBad), "validation.request.parameter.query.unexpected", "bogus");
    }

    // ---- paths

    @Test
    void branchNameWithASlashMatchesItsTemplate() {
        assertEquals(List.of(), CONTRACT.violations(get(BASE + "/refs/branches/feature%2FKON-1", 200, BRANCH)));
        assertEquals(BitbucketContract.GET_BRANCH,
                BitbucketContract.operation("GET", BASE + "/refs/branches/feature%2FKON-1"));
    }

    @Test
    void sourceFilePathWithSlashesMatchesItsTemplate() {
        String target = BASE + "/src/" + SHA + "/.tickets/KON-42.md";
        assertEquals(BitbucketContract.GET_SOURCE_FILE, BitbucketContract.operation("GET", target));
        Exchange file = exchange("GET", target, Map.of(), null, null, 200, "text/markdown", "# KON-42\n");
        assertEquals(List.of(), CONTRACT.violations(file));
        assertEquals(List.of(), CONTRACT.violations(get(BASE + "/src/" + SHA + "/.tickets/KON-43.md", 404, ERROR_404)));
    }

    @Test
    void everyOperationIsRecognised() {
        assertEquals(BitbucketContract.GET_USER, BitbucketContract.operation("GET", "/2.0/user"));
        assertEquals(BitbucketContract.GET_WORKSPACE_PERMISSION,
                BitbucketContract.operation("GET", "/2.0/user/workspaces/acme-team/permission"));
        assertEquals(BitbucketContract.LIST_REPOSITORIES, BitbucketContract.operation("GET", "/2.0/repositories/acme-team"));
        assertEquals(BitbucketContract.GET_REPOSITORY, BitbucketContract.operation("GET", BASE));
        assertEquals(BitbucketContract.CREATE_BRANCH, BitbucketContract.operation("POST", BASE + "/refs/branches"));
        assertEquals(BitbucketContract.COMMIT_FILES, BitbucketContract.operation("POST", BASE + "/src"));
        assertEquals(BitbucketContract.LIST_PULL_REQUESTS, BitbucketContract.operation("GET", BASE + "/pullrequests"));
        assertEquals(BitbucketContract.CREATE_PULL_REQUEST, BitbucketContract.operation("POST", BASE + "/pullrequests"));
        assertEquals(BitbucketContract.GET_PULL_REQUEST, BitbucketContract.operation("GET", BASE + "/pullrequests/7"));
        assertNull(BitbucketContract.operation("GET", "/2.0/workspaces"));
        assertNull(BitbucketContract.operation("PUT", BASE + "/pullrequests/7"));
    }

    @Test
    void pathParameterOfTheWrongTypeFails() {
        assertHas(CONTRACT.violations(get(BASE + "/pullrequests/seven", 200, PULL_REQUEST)),
                "validation.request.parameter.schema.type", "integer");
    }

    // ---- creating a pull request

    @Test
    void validPullRequestCreationPasses() {
        String body = """
                {"title": "KON-42: spec", "description": "See .tickets/KON-42.md",
                 "source": {"branch": {"name": "feature/KON-42"}}, "destination": {"branch": {"name": "main"}},
                 "reviewers": [{"uuid": "{0f1e2d3c-0000-4000-8000-000000000002}"}], "close_source_branch": true}""";
        assertEquals(List.of(), CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST)));
    }

    @Test
    void pullRequestCreationWithoutTitleFails() {
        String body = "{\"source\": {\"branch\": {\"name\": \"feature/KON-42\"}}}";
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST)),
                "validation.request.body.schema.required", "\"title\"");
    }

    @Test
    void pullRequestCreationWithoutSourceFails() {
        String body = "{\"title\": \"KON-42\"}";
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST)),
                "validation.request.body.schema.required", "\"source\"");
    }

    @Test
    void pullRequestCreationWithWrongTypesFails() {
        String body = "{\"title\": 42, \"source\": {\"branch\": {\"name\": \"feature/KON-42\"}}, \"close_source_branch\": \"yes\"}";
        List<String> violations = CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST));
        assertHas(violations, "validation.request.body.schema.type", "/title");
        assertHas(violations, "validation.request.body.schema.type", "/close_source_branch");
    }

    @Test
    void pullRequestCreationWithAnUndeclaredSourceMemberFails() {
        // pullrequest_endpoint.branch has additionalProperties: false
        String body = "{\"title\": \"t\", \"source\": {\"branch\": {\"name\": \"x\", \"label\": \"x\"}}}";
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST)),
                "validation.request.body.schema.additionalProperties", "label");
    }

    // ---- Tolerance.TYPE_REQUIRED_IN_REQUEST_BODY

    @Test
    void typeIsNotRequiredInRequestBodiesOnly() {
        String body = "{\"title\": \"t\", \"source\": {\"branch\": {\"name\": \"x\"}}, \"reviewers\": [{\"uuid\": \"{1}\"}]}";
        assertEquals(List.of(), CONTRACT.violations(post(BASE + "/pullrequests", body, 201, PULL_REQUEST)));
        // ...but it still is in responses,
        String prWithoutType = PULL_REQUEST.replaceFirst("\"type\": \"pullrequest\", ", "");
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 201, prWithoutType)),
                "validation.response.body.schema.required", "\"type\"");
        // ...and only "type" is forgiven: the tightened title requirement still applies alongside it.
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", "{\"source\": {}}", 201, PULL_REQUEST)),
                "validation.request.body.schema.required", "\"title\"");
    }

    // ---- Tolerance.UNDECLARED_REQUEST_BODY

    @Test
    void branchCreationBodyIsTolerated() {
        String body = "{\"name\": \"feature/KON-42\", \"target\": {\"hash\": \"" + SHA + "\"}}";
        assertEquals(List.of(), CONTRACT.violations(post(BASE + "/refs/branches", body, 201, BRANCH)));
    }

    @Test
    void commitFilesMultipartBodyIsTolerated() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nKON-42: spec\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"branch\"\r\n\r\nfeature/KON-42\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\".tickets/KON-42.md\"; "
                + "filename=\"KON-42.md\"\r\nContent-Type: application/octet-stream\r\n\r\n# KON-42\r\n"
                + "--" + boundary + "--\r\n";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("authorization", List.of("Basic Zm9vOmJhcg=="));
        headers.put("content-type", List.of("multipart/form-data; boundary=" + boundary));
        Exchange commit = new Exchange(0, "POST", BASE + "/src", decode(BASE + "/src").substring(4), Map.of(), headers,
                body.getBytes(StandardCharsets.UTF_8), 201, Map.of(), new byte[0]);
        assertEquals(List.of(), CONTRACT.violations(commit));
    }

    @Test
    void requestBodyOnOtherOperationsStillFails() {
        Exchange getWithBody = exchange("GET", "/2.0/user", Map.of(), "{\"x\": 1}", null, 200, JSON, USER);
        assertHas(CONTRACT.violations(getWithBody), "validation.request.body.unexpected", "");
    }

    @Test
    void commitFilesResponseBodyStillFails() {
        // The definition declares 201 without a body; that one is not tolerated.
        Exchange commit = exchange("POST", BASE + "/src", Map.of(), null, null, 201, "application/json", "{\"a\": 1}");
        assertHas(CONTRACT.violations(commit), "validation.response.body.unexpected", "");
    }

    // ---- Tolerance.UNDECLARED_COLLECTION_QUERY_PARAMETERS and PARTIAL_RESPONSE_WITH_FIELDS

    @Test
    void collectionQueryParametersAreTolerated() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("role", List.of("member"));
        query.put("pagelen", List.of("100"));
        query.put("page", List.of("2"));
        query.put("q", List.of("name ~ \"wid\""));
        query.put("sort", List.of("-updated_on"));
        String page = "{\"values\": [], \"pagelen\": 100, \"page\": 2, \"size\": 0}";
        assertEquals(List.of(), CONTRACT.violations(
                exchange("GET", "/2.0/repositories/acme-team?role=member&pagelen=100&page=2&q=...&sort=-updated_on",
                        query, null, null, 200, JSON, page)));

        Map<String, List<String>> prQuery = new LinkedHashMap<>();
        prQuery.put("q", List.of("source.branch.name=\"feature/KON-42\" AND state=\"OPEN\""));
        prQuery.put("pagelen", List.of("50"));
        String prs = "{\"values\": [" + PULL_REQUEST + "], \"pagelen\": 50}";
        assertEquals(List.of(), CONTRACT.violations(
                exchange("GET", BASE + "/pullrequests?q=...&pagelen=50", prQuery, null, null, 200, JSON, prs)));
    }

    @Test
    void otherUnknownQueryParametersStillFail() {
        assertHas(CONTRACT.violations(exchange("GET", "/2.0/repositories/acme-team?limit=10",
                        Map.of("limit", List.of("10")), null, null, 200, JSON, "{\"values\": []}")),
                "validation.request.parameter.query.unexpected", "'limit'");
        // Collection parameters on an operation that is not a collection are not tolerated either.
        assertHas(CONTRACT.violations(exchange("GET", "/2.0/user?pagelen=10", Map.of("pagelen", List.of("10")), null,
                        null, 200, JSON, USER)),
                "validation.request.parameter.query.unexpected", "'pagelen'");
        assertHas(CONTRACT.violations(exchange("POST", BASE + "/pullrequests?q=x", Map.of("q", List.of("x")),
                        "{\"title\": \"t\", \"source\": {\"branch\": {\"name\": \"x\"}}}", null, 201, JSON, PULL_REQUEST)),
                "validation.request.parameter.query.unexpected", "'q'");
    }

    @Test
    void declaredQueryParametersAreStillChecked() {
        assertHas(CONTRACT.violations(exchange("GET", "/2.0/repositories/acme-team?role=boss",
                        Map.of("role", List.of("boss")), null, null, 200, JSON, "{\"values\": []}")),
                "validation.request.parameter.schema.enum", "boss");
    }

    @Test
    void partialResponsesAreToleratedOnlyWithFields() {
        String partial = "{\"mainbranch\": {\"name\": \"main\"}}";
        Map<String, List<String>> fields = Map.of("fields", List.of("mainbranch.name"));
        assertEquals(List.of(), CONTRACT.violations(
                exchange("GET", BASE + "?fields=mainbranch.name", fields, null, null, 200, JSON, partial)));
        // What is present is still checked,
        assertHas(CONTRACT.violations(exchange("GET", BASE + "?fields=mainbranch.name", fields, null, null, 200, JSON,
                        "{\"mainbranch\": {\"name\": 5}}")),
                "validation.response.body.schema.type", "/mainbranch/name");
        // and without fields= the same answer is incomplete.
        assertHas(CONTRACT.violations(get(BASE, 200, partial)), "validation.response.body.schema.required", "\"type\"");

        Map<String, List<String>> listFields = Map.of("fields", List.of("values.slug,values.full_name,next"));
        assertEquals(List.of(), CONTRACT.violations(exchange("GET", "/2.0/repositories/acme-team?fields=...", listFields,
                null, null, 200, JSON, "{\"values\": [{\"slug\": \"widgets\", \"full_name\": \"acme-team/widgets\"}]}")));
    }

    // ---- Tolerance.RECURSIVE_DISCRIMINATOR

    @Test
    void discriminatedTypesDoNotRecurse() {
        // Before the patch, "type": "team" sent the validator round account -> object -> team -> account ...
        String team = "{\"type\": \"team\", \"uuid\": \"{2}\", \"display_name\": \"Acme\"}";
        String repo = "{\"type\": \"repository\", \"full_name\": \"acme-team/widgets\", \"owner\": " + team
                + ", \"mainbranch\": {\"type\": \"branch\", \"name\": \"main\"}}";
        assertEquals(List.of(), CONTRACT.violations(get(BASE, 200, repo)));
        String membership = "{\"type\": \"workspace_membership\", \"permission\": \"member\", \"user\": " + USER
                + ", \"workspace\": {\"type\": \"workspace\", \"slug\": \"acme-team\"}}";
        assertEquals(List.of(), CONTRACT.violations(get("/2.0/user/workspaces/acme-team/permission", 200, membership)));
    }

    @Test
    void genuinelyRecursiveSchemasAreValidatedToTheirDepth() {
        String repo = "{\"type\": \"repository\", \"name\": \"r0\"}";
        for (int i = 1; i <= 60; i++) {
            repo = "{\"type\": \"repository\", \"name\": \"r" + i + "\", \"parent\": " + repo + "}";
        }
        assertEquals(List.of(), CONTRACT.violations(get(BASE, 200, repo)));
        String broken = repo.replace("\"name\": \"r0\"", "\"name\": 0");
        assertHas(CONTRACT.violations(get(BASE, 200, broken)), "validation.response.body.schema.type", "/name");
    }

    // ---- Tolerance.ERROR_DETAIL_NOT_A_STRING and ERROR_FIELDS_AND_ID_UNDECLARED

    @Test
    void missingScopeDetailObjectIsTolerated() {
        String forbidden = """
                {"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.",
                 "detail": {"granted": ["read:user:bitbucket"], "required": ["read:repository:bitbucket"]}}}""";
        assertEquals(List.of(), CONTRACT.violations(get(BASE, 403, forbidden)));
        String stringDetail = "{\"type\": \"error\", \"error\": {\"message\": \"m\", \"detail\": \"d\"}}";
        assertEquals(List.of(), CONTRACT.violations(get(BASE, 403, stringDetail)));
        // Only error.detail: a non-string message is still a violation.
        String badMessage = "{\"type\": \"error\", \"error\": {\"message\": {\"text\": \"m\"}}}";
        assertHas(CONTRACT.violations(get(BASE, 403, badMessage)), "validation.response.body.schema.type",
                "/error/message");
    }

    @Test
    void errorFieldsAndIdAreTolerated() {
        String badRequest = """
                {"type": "error", "error": {"message": "Bad request", "id": "abc123",
                 "fields": {"reviewers": ["Ada is the author and cannot be included as a reviewer."]}}}""";
        String body = "{\"title\": \"t\", \"source\": {\"branch\": {\"name\": \"x\"}}}";
        assertEquals(List.of(), CONTRACT.violations(post(BASE + "/pullrequests", body, 400, badRequest)));
        String other = "{\"type\": \"error\", \"error\": {\"message\": \"m\", \"fields\": {}, \"hint\": \"h\"}}";
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 400, other)),
                "validation.response.body.schema.additionalProperties", "hint");
        assertHas(CONTRACT.violations(post(BASE + "/pullrequests", body, 400, "{\"type\": \"error\", \"error\": {}}")),
                "validation.response.body.schema.required", "\"message\"");
    }

    // ---- Tolerance.RAW_FILE_CONTENT_TYPE

    @Test
    void rawFileContentTypeIsToleratedOnlyForFiles() {
        String file = BASE + "/src/" + SHA + "/.tickets/KON-42.md";
        assertEquals(List.of(), CONTRACT.violations(exchange("GET", file, Map.of(), null, null, 200, "text/plain", "x")));
        // HTML error pages are not covered,
        assertHas(CONTRACT.violations(exchange("GET", file, Map.of(), null, null, 404, "text/html", "<html></html>")),
                "validation.response.contentType.notAllowed", "text/html");
        // nor are other operations.
        assertHas(CONTRACT.violations(exchange("GET", BASE, Map.of(), null, null, 200, "text/plain", "widgets")),
                "validation.response.contentType.notAllowed", "text/plain");
        // A JSON answer (format=meta, or a directory) is still checked against the schema.
        assertHas(CONTRACT.violations(exchange("GET", file + "?format=meta", Map.of("format", List.of("meta")), null,
                        null, 200, JSON, "{\"values\": 3}")),
                "validation.response.body.schema.type", "/values");
    }

    // ---- Tolerance.MERGE_COMMIT_NULL

    @Test
    void nullMergeCommitIsToleratedButNotOtherNulls() {
        assertEquals(List.of(), CONTRACT.violations(get(BASE + "/pullrequests/7", 200, PULL_REQUEST)));
        String closedByNull = PULL_REQUEST.replace("\"merge_commit\": null", "\"closed_by\": null");
        assertHas(CONTRACT.violations(get(BASE + "/pullrequests/7", 200, closedByNull)),
                "validation.response.body.schema.type", "/closed_by");
        String twelve = PULL_REQUEST.replace("\"merge_commit\": null", "\"merge_commit\": {\"hash\": \"0123456789ab\"}");
        assertEquals(List.of(), CONTRACT.violations(get(BASE + "/pullrequests/7", 200, twelve)));
    }

    // ---- speed

    @Test
    void isFastEnoughForEveryExchange() {
        Exchange pr = get(BASE + "/pullrequests/7", 200, PULL_REQUEST);
        CONTRACT.violations(pr);
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertEquals(List.of(), CONTRACT.violations(pr));
        }
        long perExchangeMicros = (System.nanoTime() - start) / 200 / 1000;
        assertTrue(perExchangeMicros < 20_000, perExchangeMicros + " µs per exchange");
    }

    // ---- helpers

    private static void assertHas(List<String> violations, String key, String fragment) {
        for (String violation : violations) {
            if (violation.startsWith(key) && violation.contains(fragment)) {
                return;
            }
        }
        throw new AssertionError("expected a violation " + key + " mentioning '" + fragment + "', got " + violations);
    }

    private static Exchange get(String rawTarget, int status, String json) {
        return exchange("GET", rawTarget, Map.of(), null, null, status, JSON, json);
    }

    private static Exchange post(String rawTarget, String json, int status, String responseJson) {
        return exchange("POST", rawTarget, Map.of(), json, null, status, JSON, responseJson);
    }

    static Exchange exchange(String method, String rawTarget, Map<String, List<String>> query, String requestJson,
            String requestContentType, int status, String responseContentType, String responseBody) {
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("authorization", List.of("Basic YWRhQGV4YW1wbGUuY29tOkFUQVRUM3h4eA=="));
        requestHeaders.put("accept", List.of("application/json"));
        if (requestJson != null) {
            requestHeaders.put("content-type", List.of(requestContentType == null ? JSON : requestContentType));
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        if (responseContentType != null && responseBody != null) {
            responseHeaders.put("content-type", List.of(responseContentType));
        }
        String rawPath = rawTarget.contains("?") ? rawTarget.substring(0, rawTarget.indexOf('?')) : rawTarget;
        String path = decode(rawPath).substring("/2.0".length());
        return new Exchange(0, method, rawTarget, path, query, requestHeaders,
                requestJson == null ? new byte[0] : requestJson.getBytes(StandardCharsets.UTF_8), status,
                responseHeaders, responseBody == null ? new byte[0] : responseBody.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return String.join("/", segments);
    }
}
