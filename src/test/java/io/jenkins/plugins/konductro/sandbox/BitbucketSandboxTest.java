package io.jenkins.plugins.konductro.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitbucketSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final String ALICE = "alice@acme.test";
    private static final String BOB = "bob@acme.test";
    private static final String REPO = "/repositories/acme-team/widgets";

    private BitbucketSandbox sandbox;
    private OkHttpClient client;

    record Answer(int status, Headers headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String message() throws IOException {
            return json().path("error").path("message").asText();
        }
    }

    @BeforeEach
    void setUp() {
        sandbox = BitbucketSandbox.startDemo();
        client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false) // so that dropped connections are seen, not retried
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    // ------------------------------------------------------------------ helpers

    private Answer call(String method, String pathAndQuery, String authorization, RequestBody body) throws IOException {
        Request.Builder request = new Request.Builder().url(sandbox.apiUrl() + pathAndQuery).method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        }
    }

    private String basic(String who) {
        return Credentials.basic(who, sandbox.demoToken(who));
    }

    private Answer get(String who, String pathAndQuery) throws IOException {
        return call("GET", pathAndQuery, basic(who), null);
    }

    private Answer postJson(String who, String path, String json) throws IOException {
        return call("POST", path, basic(who), RequestBody.create(json, JSON_TYPE));
    }

    private String mainHead() {
        return sandbox.branchHead("acme-team", "widgets", "main");
    }

    private Answer createPr(String who, String source, String title, String reviewersJson) throws IOException {
        return postJson(who, REPO + "/pullrequests", "{\"title\":\"" + title + "\",\"source\":{\"branch\":{\"name\":\""
                + source + "\"}},\"description\":\"Spec\",\"close_source_branch\":true"
                + (reviewersJson == null ? "" : ",\"reviewers\":" + reviewersJson) + "}");
    }

    private String uuidOf(String who) throws IOException {
        return get(who, "/user").json().path("uuid").asText();
    }

    // ------------------------------------------------------------------ identity and auth

    @Test
    void userAndWorkspacePermission() throws IOException {
        Answer user = get(ALICE, "/user");
        assertEquals(200, user.status);
        JsonNode json = user.json();
        assertEquals("user", json.path("type").asText());
        assertEquals("Alice Doe", json.path("display_name").asText());
        assertEquals("alice", json.path("nickname").asText());
        assertTrue(json.path("uuid").asText().matches("\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}"));
        assertFalse(json.path("account_id").asText().isEmpty());
        assertTrue(user.headers.get("Content-Type").startsWith("application/json"));

        Answer permission = get(BOB, "/user/workspaces/acme-team/permission");
        assertEquals(200, permission.status);
        assertEquals("workspace_membership", permission.json().path("type").asText());
        assertEquals("member", permission.json().path("permission").asText());
        assertEquals("acme-team", permission.json().path("workspace").path("slug").asText());
        assertEquals("owner", get(ALICE, "/user/workspaces/acme-team/permission").json().path("permission").asText());

        sandbox.addUser("carol@elsewhere.test", "Carol Out");
        String carol = Credentials.basic("carol@elsewhere.test",
                sandbox.issueToken("carol@elsewhere.test", BitbucketSandbox.ALL_SCOPES.toArray(String[]::new)));
        Answer outsider = call("GET", "/user/workspaces/acme-team/permission", carol, null);
        assertEquals(403, outsider.status);
        assertEquals("The requesting user does not have access to the workspace.", outsider.message());
        assertEquals(403, call("GET", "/user/workspaces/nowhere/permission", carol, null).status);
    }

    @Test
    void refusedCredentialsAre401() throws IOException {
        String expected = "Token is invalid, expired, or not supported for this endpoint.";
        String token = sandbox.demoToken("alice");
        assertTrue(token.startsWith("ATATT3") && token.length() == 192);

        List<Answer> answers = new ArrayList<>();
        answers.add(call("GET", "/user", null, null));
        answers.add(call("GET", "/user", Credentials.basic(BOB, token), null)); // wrong e-mail
        answers.add(call("GET", "/user", Credentials.basic(ALICE, token + "x"), null));
        String appPassword = sandbox.issueAppPassword(ALICE);
        assertTrue(appPassword.startsWith("ATBB") && appPassword.length() == 36);
        answers.add(call("GET", "/user", Credentials.basic(ALICE, appPassword), null));
        answers.add(call("GET", "/user", Credentials.basic(ALICE, sandbox.issueToken(ALICE)), null)); // scopeless
        String access = sandbox.issueAccessToken("acme-team");
        assertTrue(access.startsWith("ATCTT3") && access.length() == 192);
        answers.add(call("GET", "/user", "Bearer " + access, null));
        answers.add(call("GET", REPO, "Bearer " + access, null));
        String revoked = sandbox.issueToken(ALICE, "read:user:bitbucket");
        assertEquals(200, call("GET", "/user", Credentials.basic(ALICE, revoked), null).status);
        sandbox.revoke(revoked);
        answers.add(call("GET", "/user", Credentials.basic(ALICE, revoked), null));
        for (Answer answer : answers) {
            assertEquals(401, answer.status, answer.body);
            assertEquals("error", answer.json().path("type").asText());
            assertEquals(expected, answer.message());
        }
        // the e-mail is compared case-insensitively
        assertEquals(200, call("GET", "/user", Credentials.basic("Alice@Acme.test", token), null).status);
    }

    @Test
    void missingScopeIs403WithDetail() throws IOException {
        String narrow = Credentials.basic(ALICE, sandbox.issueToken(ALICE, "read:user:bitbucket", "read:repository:bitbucket"));
        assertEquals(String.join(", ", BitbucketSandbox.ALL_SCOPES), sandbox.scopesOf(sandbox.demoToken("alice")));
        assertEquals(200, call("GET", REPO, narrow, null).status);
        Answer answer = call("POST", REPO + "/refs/branches", narrow,
                RequestBody.create("{\"name\":\"x\",\"target\":{\"hash\":\"" + mainHead() + "\"}}", JSON_TYPE));
        assertEquals(403, answer.status);
        JsonNode error = answer.json().path("error");
        assertEquals("Your credentials lack one or more required privilege scopes.", error.path("message").asText());
        assertTrue(error.path("detail").path("granted").toString().contains("read:repository:bitbucket"));
        assertTrue(error.path("detail").path("required").toString().contains("write:repository:bitbucket"));
        assertNull(sandbox.branchHead("acme-team", "widgets", "x"));
        assertEquals(403, call("GET", "/user/workspaces/acme-team/permission", narrow, null).status);
    }

    @Test
    void outsidersGetTheSame404AsForNothing() throws IOException {
        sandbox.addUser("carol@elsewhere.test", "Carol Out");
        String carol = Credentials.basic("carol@elsewhere.test",
                sandbox.issueToken("carol@elsewhere.test", BitbucketSandbox.ALL_SCOPES.toArray(String[]::new)));
        Answer hidden = call("GET", REPO, carol, null);
        Answer absent = call("GET", "/repositories/acme-team/nothing", carol, null);
        assertEquals(404, hidden.status);
        assertEquals(404, absent.status);
        assertTrue(hidden.message().contains("either does not exist or you do not have access"));
        assertEquals(hidden.message().replace("widgets", "X"), absent.message().replace("nothing", "X"));
        assertEquals(404, call("GET", REPO + "/refs/branches/main", carol, null).status);
        assertEquals(0, call("GET", "/repositories/acme-team?role=member", carol, null).json().path("values").size());
        // a public repository is readable, not writable
        sandbox.addRepository("acme-team", "open-source", "main", false);
        assertEquals(200, call("GET", "/repositories/acme-team/open-source", carol, null).status);
    }

    @Test
    void removedAndUnknownEndpoints() throws IOException {
        for (String path : List.of("/workspaces", "/user/permissions/workspaces", "/user/permissions/repositories",
                "/repositories")) {
            Answer answer = get(ALICE, path);
            assertEquals(410, answer.status, path);
            assertEquals("error", answer.json().path("type").asText());
        }
        Answer unknown = get(ALICE, "/nothing/here");
        assertEquals(404, unknown.status);
        assertTrue(unknown.message().startsWith("Unknown endpoint"));
    }

    // ------------------------------------------------------------------ repositories and branches

    @Test
    void repositoryWithFields() throws IOException {
        Answer repo = get(ALICE, REPO);
        assertEquals("repository", repo.json().path("type").asText());
        assertEquals("acme-team/widgets", repo.json().path("full_name").asText());
        assertTrue(repo.json().path("is_private").asBoolean());
        Answer main = get(ALICE, REPO + "?fields=mainbranch.name");
        assertEquals("{\"mainbranch\":{\"name\":\"main\"}}", main.body);
        Answer minus = get(ALICE, REPO + "?fields=-links,-owner");
        assertFalse(minus.json().has("links"));
        assertTrue(minus.json().has("full_name"));
    }

    @Test
    void repositoryPagination() throws IOException {
        for (int i = 0; i < 12; i++) {
            sandbox.addRepository("acme-team", "repo-" + i, "main", true);
        }
        Answer first = get(ALICE, "/repositories/acme-team?role=member&pagelen=5&fields=values.slug,next");
        JsonNode json = first.json();
        assertEquals(5, json.path("values").size());
        assertEquals(1, json.path("values").get(0).size());
        assertFalse(json.has("pagelen"));
        String next = json.path("next").asText();
        assertTrue(next.startsWith(sandbox.apiUrl() + "/repositories/acme-team?"), next);
        assertTrue(next.contains("page=2") && next.contains("role=member") && next.contains("pagelen=5"), next);
        List<String> slugs = new ArrayList<>();
        String url = sandbox.apiUrl() + "/repositories/acme-team?role=member&pagelen=5&fields=values.slug,next";
        while (url != null) {
            JsonNode page = call("GET", url.substring(sandbox.apiUrl().length()), basic(ALICE), null).json();
            page.path("values").forEach(v -> slugs.add(v.path("slug").asText()));
            url = page.has("next") ? page.path("next").asText() : null;
        }
        assertEquals(13, slugs.size());
        JsonNode all = get(ALICE, "/repositories/acme-team?pagelen=100").json();
        assertEquals(13, all.path("size").asInt());
        assertFalse(all.has("next"));
        assertEquals(10, get(ALICE, "/repositories/acme-team").json().path("pagelen").asInt());
        Answer tooMany = get(ALICE, "/repositories/acme-team?pagelen=101");
        assertEquals(400, tooMany.status);
        assertEquals("Invalid pagelen", tooMany.message());
    }

    @Test
    void branchesCreateReadAndConflicts() throws IOException {
        String head = mainHead();
        assertTrue(head.matches("[0-9a-f]{40}"));
        Answer main = get(ALICE, REPO + "/refs/branches/main");
        assertEquals(200, main.status);
        assertEquals("branch", main.json().path("type").asText());
        assertEquals(head, main.json().path("target").path("hash").asText());
        assertEquals("commit", main.json().path("target").path("type").asText());

        String body = "{\"name\":\"feature/KON-1\",\"target\":{\"hash\":\"" + head + "\"}}";
        Answer created = postJson(ALICE, REPO + "/refs/branches", body);
        assertEquals(201, created.status, created.body);
        assertEquals("feature/KON-1", created.json().path("name").asText());
        assertEquals(head, sandbox.branchHead("acme-team", "widgets", "feature/KON-1"));
        Answer read = get(ALICE, REPO + "/refs/branches/feature%2FKON-1");
        assertEquals(200, read.status);
        assertEquals(head, read.json().path("target").path("hash").asText());
        assertEquals("/repositories/acme-team/widgets/refs/branches/feature/KON-1",
                sandbox.exchanges().get(sandbox.exchanges().size() - 1).path());

        Answer again = postJson(ALICE, REPO + "/refs/branches", body);
        assertEquals(400, again.status);
        assertTrue(again.message().contains("already exists"), again.body);
        Answer unknownHash = postJson(ALICE, REPO + "/refs/branches",
                "{\"name\":\"b2\",\"target\":{\"hash\":\"" + "0".repeat(40) + "\"}}");
        assertEquals(400, unknownHash.status);
        Answer badName = postJson(ALICE, REPO + "/refs/branches", "{\"name\":\"bad..name\",\"target\":{\"hash\":\"" + head + "\"}}");
        assertEquals(400, badName.status);
        Answer missing = get(ALICE, REPO + "/refs/branches/nope");
        assertEquals(404, missing.status);
        assertEquals("error", missing.json().path("type").asText());
    }

    // ------------------------------------------------------------------ committing files

    @Test
    void multipartCommitAndStaleParent() throws IOException {
        String head = mainHead();
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(".tickets/KON-42.md", "KON-42.md",
                        RequestBody.create("# KON-42\nhello\n", MediaType.get("text/markdown")))
                .addFormDataPart("message", "KON-42: spec")
                .addFormDataPart("author", "Konductro <konductro@acme.test>")
                .addFormDataPart("branch", "feature/KON-42")
                .addFormDataPart("parents", head)
                .build();
        Answer commit = call("POST", REPO + "/src", basic(ALICE), form);
        assertEquals(201, commit.status, commit.body);
        assertEquals("", commit.body);
        assertNull(commit.headers.get("Location"));
        String newHead = sandbox.branchHead("acme-team", "widgets", "feature/KON-42");
        assertNotEquals(head, newHead);
        assertEquals(head, mainHead()); // main not advanced
        assertEquals("# KON-42\nhello\n", sandbox.fileAt("acme-team", "widgets", newHead, ".tickets/KON-42.md"));
        assertNotNull(sandbox.fileAt("acme-team", "widgets", newHead, "README.md")); // inherited
        assertEquals("Konductro <konductro@acme.test>", sandbox.commitAuthor("acme-team", "widgets", newHead));
        Answer raw = get(ALICE, REPO + "/src/" + newHead + "/.tickets/KON-42.md");
        assertEquals(200, raw.status);
        assertEquals("# KON-42\nhello\n", raw.body);
        assertTrue(raw.headers.get("Content-Type").startsWith("text/plain"));
        assertEquals(404, get(ALICE, REPO + "/src/" + head + "/.tickets/KON-42.md").status);
        assertEquals(200, get(ALICE, REPO + "/src/feature%2FKON-42/.tickets/KON-42.md").status);

        // somebody else pushes; the stale parent is refused and nothing is written
        String theirs = sandbox.commitDirectly("acme-team", "widgets", "feature/KON-42", "other.txt", "x");
        RequestBody stale = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(".tickets/KON-42.md", "KON-42.md", RequestBody.create("changed", MediaType.get("text/plain")))
                .addFormDataPart("message", "KON-42: update")
                .addFormDataPart("branch", "feature/KON-42")
                .addFormDataPart("parents", newHead)
                .build();
        Answer conflict = call("POST", REPO + "/src", basic(ALICE), stale);
        assertEquals(409, conflict.status);
        assertEquals("error", conflict.json().path("type").asText());
        assertEquals(theirs, sandbox.branchHead("acme-team", "widgets", "feature/KON-42"));
        assertEquals("# KON-42\nhello\n", sandbox.fileAt("acme-team", "widgets", theirs, ".tickets/KON-42.md"));

        // JSON is refused
        Answer json = postJson(ALICE, REPO + "/src", "{\"message\":\"x\"}");
        assertEquals(400, json.status);
    }

    @Test
    void urlEncodedCommitDefaultsAuthorAndDeletes() throws IOException {
        RequestBody form = new FormBody.Builder()
                .add("/notes.txt", "some notes")
                .add("message", "add notes")
                .add("files", "README.md")
                .build();
        Answer commit = call("POST", REPO + "/src", basic(BOB), form);
        assertEquals(201, commit.status, commit.body);
        String head = mainHead();
        assertEquals("some notes", sandbox.fileAt("acme-team", "widgets", head, "notes.txt"));
        assertNull(sandbox.fileAt("acme-team", "widgets", head, "README.md"));
        assertEquals("Bob Stone <bob@acme.test>", sandbox.commitAuthor("acme-team", "widgets", head));
    }

    // ------------------------------------------------------------------ pull requests

    @Test
    void pullRequestCreateAndDuplicate() throws IOException {
        sandbox.commitDirectly("acme-team", "widgets", "feature/KON-7", "a.txt", "a");
        String bobUuid = uuidOf(BOB);
        Answer created = createPr(ALICE, "feature/KON-7", "KON-7: first", "[{\"uuid\":\"" + bobUuid + "\"}]");
        assertEquals(201, created.status, created.body);
        JsonNode pr = created.json();
        assertEquals("pullrequest", pr.path("type").asText());
        long id = pr.path("id").asLong();
        assertEquals(sandbox.apiUrl() + REPO + "/pullrequests/" + id, created.headers.get("Location"));
        assertEquals("OPEN", pr.path("state").asText());
        assertEquals("main", pr.path("destination").path("branch").path("name").asText());
        assertEquals(12, pr.path("source").path("commit").path("hash").asText().length());
        assertTrue(pr.path("merge_commit").isNull());
        assertEquals("https://bitbucket.org/acme-team/widgets/pull-requests/" + id,
                pr.path("links").path("html").path("href").asText());
        assertTrue(pr.path("updated_on").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));
        assertEquals(bobUuid, pr.path("reviewers").get(0).path("uuid").asText());
        assertEquals("user", pr.path("author").path("type").asText());

        Answer again = createPr(ALICE, "feature/KON-7", "KON-7: second", null);
        assertEquals(201, again.status);
        assertEquals(id, again.json().path("id").asLong());
        assertEquals("KON-7: second", again.json().path("title").asText());
        assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size());
        assertEquals("KON-7: second", sandbox.pullRequests("acme-team", "widgets").get(0).title());

        Answer fetched = get(ALICE, REPO + "/pullrequests/" + id);
        assertEquals(200, fetched.status);
        assertEquals("KON-7: second", fetched.json().path("title").asText());
        assertEquals(404, get(ALICE, REPO + "/pullrequests/999").status);

        sandbox.setPullRequestState("acme-team", "widgets", id, "MERGED");
        JsonNode merged = get(ALICE, REPO + "/pullrequests/" + id).json();
        assertEquals("MERGED", merged.path("state").asText());
        assertEquals(12, merged.path("merge_commit").path("hash").asText().length());
        assertNull(sandbox.branchHead("acme-team", "widgets", "feature/KON-7")); // close_source_branch
        assertEquals("a", sandbox.fileAt("acme-team", "widgets", "main", "a.txt"));
    }

    @Test
    void pullRequestRefusals() throws IOException {
        Answer noChanges = createPr(ALICE, "main", "nothing", null);
        assertEquals(400, noChanges.status);
        assertTrue(noChanges.message().contains("There are no changes to be pulled"));
        Answer noBranch = createPr(ALICE, "feature/ghost", "ghost", null);
        assertEquals(400, noBranch.status);
        assertTrue(noBranch.message().contains("branch not found: feature/ghost"));
        Answer noTitle = postJson(ALICE, REPO + "/pullrequests", "{\"source\":{\"branch\":{\"name\":\"main\"}}}");
        assertEquals(400, noTitle.status);

        sandbox.commitDirectly("acme-team", "widgets", "feature/KON-8", "b.txt", "b");
        Answer self = createPr(ALICE, "feature/KON-8", "t", "[{\"uuid\":\"" + uuidOf(ALICE) + "\"}]");
        assertEquals(400, self.status);
        assertTrue(self.json().path("error").path("fields").path("reviewers").get(0).asText()
                .equals("Alice Doe is the author and cannot be included as a reviewer."), self.body);
        Answer unknown = createPr(ALICE, "feature/KON-8", "t", "[{\"uuid\":\"{00000000-0000-0000-0000-000000000000}\"}]");
        assertEquals(400, unknown.status);
        assertTrue(unknown.message().contains("Malformed reviewers list"));
        Answer username = createPr(ALICE, "feature/KON-8", "t", "[{\"username\":\"bob\"}]");
        assertEquals(400, username.status);
        SandboxUser dave = sandbox.addUser("dave@acme.test", "Dave Gone");
        sandbox.addMember("acme-team", "dave@acme.test", "member");
        sandbox.deactivate("dave@acme.test");
        Answer inactive = createPr(ALICE, "feature/KON-8", "t", "[{\"uuid\":\"" + dave.uuid() + "\"}]");
        assertTrue(inactive.message().contains("Malformed reviewers list"));
        SandboxUser erin = sandbox.addUser("erin@else.test", "Erin Else");
        Answer outsider = createPr(ALICE, "feature/KON-8", "t", "[{\"uuid\":\"" + erin.uuid() + "\"}]");
        assertEquals(400, outsider.status);
        assertTrue(outsider.body.contains("Erin Else is not a member of this workspace"), outsider.body);
        assertTrue(sandbox.pullRequests("acme-team", "widgets").isEmpty());
    }

    @Test
    void pullRequestListQueryPagingAndFields() throws IOException {
        for (int i = 1; i <= 6; i++) {
            sandbox.commitDirectly("acme-team", "widgets", "feature/KON-" + i, "f.txt", "v" + i);
            assertEquals(201, createPr(ALICE, "feature/KON-" + i, "KON-" + i, null).status);
        }
        sandbox.setPullRequestState("acme-team", "widgets", 2, "DECLINED");
        String q = "source.branch.name=\"feature/KON-2\" AND state=\"DECLINED\"";
        Answer found = get(ALICE, REPO + "/pullrequests?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&state=OPEN&pagelen=50");
        assertEquals(200, found.status, found.body);
        assertEquals(1, found.json().path("values").size());
        assertEquals(2, found.json().path("values").get(0).path("id").asInt());
        // without q: OPEN only by default
        assertEquals(5, get(ALICE, REPO + "/pullrequests?pagelen=50").json().path("values").size());
        assertEquals(6, get(ALICE, REPO + "/pullrequests?pagelen=50&state=OPEN&state=DECLINED").json().path("values").size());
        // paging, sorting and fields
        JsonNode page1 = get(ALICE, REPO + "/pullrequests?pagelen=2&sort=-id&fields=values.id,values.state,next").json();
        assertEquals("[{\"id\":6,\"state\":\"OPEN\"},{\"id\":5,\"state\":\"OPEN\"}]", page1.path("values").toString());
        String next = page1.path("next").asText();
        JsonNode page2 = call("GET", next.substring(sandbox.apiUrl().length()), basic(ALICE), null).json();
        assertEquals(4, page2.path("values").get(0).path("id").asInt());
        createPr(ALICE, "feature/KON-3", "KON-3 renamed", null); // duplicate: updates KON-3
        assertEquals(3, get(ALICE, REPO + "/pullrequests?sort=-updated_on").json().path("values").get(0).path("id").asInt());
        Answer tooMany = get(ALICE, REPO + "/pullrequests?pagelen=51");
        assertEquals(400, tooMany.status);
        assertEquals("Invalid pagelen", tooMany.message());
        JsonNode some = get(ALICE, REPO + "/pullrequests?fields=values.id&q=" + java.net.URLEncoder.encode(
                "(id=1 OR id=4 OR id=99) AND (state=\"OPEN\" OR state=\"MERGED\")", StandardCharsets.UTF_8)).json();
        assertEquals("[{\"id\":4},{\"id\":1}]", some.path("values").toString(), "OR, AND and parentheses");
        for (String bad : new String[] {"state=\"OPEN\" XOR id=1", "(id=1 OR id=2", "id=1 OR"}) {
            assertEquals(400, get(ALICE, REPO + "/pullrequests?q=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8))
                    .status, bad);
        }
    }

    // ------------------------------------------------------------------ faults

    @Test
    void statusFaults() throws IOException {
        sandbox.inject(Fault.rateLimited("7"));
        Answer limited = get(ALICE, "/user");
        assertEquals(429, limited.status);
        assertEquals("7", limited.headers.get("Retry-After"));
        assertEquals("Rate limit for this resource has been exceeded.", limited.message());
        sandbox.inject(Fault.rateLimited(null));
        assertNull(get(ALICE, "/user").headers.get("Retry-After"));

        sandbox.inject("GET", "/user", Fault.status(503).times(2));
        assertEquals(200, get(ALICE, REPO).status); // path does not match
        assertEquals(503, get(ALICE, "/user").status);
        Answer second = get(ALICE, "/user");
        assertEquals(503, second.status);
        assertEquals("error", second.json().path("type").asText());
        assertEquals(200, get(ALICE, "/user").status); // used up

        sandbox.inject(Fault.htmlStatus(502));
        Answer html = get(ALICE, "/user");
        assertEquals(502, html.status);
        assertTrue(html.headers.get("Content-Type").startsWith("text/html"));
        assertTrue(html.body.startsWith("<!DOCTYPE html>"));

        sandbox.inject(Fault.emptyStatus(555));
        Answer empty = get(ALICE, "/user");
        assertEquals(555, empty.status);
        assertEquals("", empty.body);

        sandbox.inject(Fault.status(500));
        sandbox.clearFaults();
        assertEquals(200, get(ALICE, "/user").status);
    }

    @Test
    void slowFaultTriggersReadTimeoutButIsProcessed() throws IOException {
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(150)).build();
        sandbox.inject("POST", "/repositories/acme-team/widgets/refs/branches", Fault.slow(Duration.ofMillis(600)));
        Request request = new Request.Builder().url(sandbox.apiUrl() + REPO + "/refs/branches")
                .header("Authorization", basic(ALICE))
                .post(RequestBody.create("{\"name\":\"slow\",\"target\":{\"hash\":\"" + mainHead() + "\"}}", JSON_TYPE))
                .build();
        assertThrows(InterruptedIOException.class, () -> impatient.newCall(request).execute().close());
        assertEquals(mainHead(), sandbox.branchHead("acme-team", "widgets", "slow"));
        // a patient client gets the answer
        sandbox.inject(Fault.slow(Duration.ofMillis(100)));
        long start = System.nanoTime();
        assertEquals(200, get(ALICE, "/user").status);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
    }

    @Test
    void dropFaults() throws IOException {
        String before = mainHead();
        RequestBody form = new FormBody.Builder().add("/x.txt", "x").add("message", "m").build();

        sandbox.inject("POST", ".*/src", Fault.dropBeforeProcessing());
        assertThrows(IOException.class, () -> call("POST", REPO + "/src", basic(ALICE), form));
        assertEquals(before, mainHead()); // not processed

        sandbox.inject("POST", ".*/src", Fault.dropAfterProcessing());
        assertThrows(IOException.class, () -> call("POST", REPO + "/src", basic(ALICE), form));
        String after = mainHead();
        assertNotEquals(before, after); // processed
        assertEquals("x", sandbox.fileAt("acme-team", "widgets", after, "x.txt"));

        List<Exchange> exchanges = sandbox.exchanges();
        assertEquals(2, exchanges.size());
        assertEquals(-1, exchanges.get(0).status());
        assertEquals(-1, exchanges.get(1).status());
        assertEquals("/repositories/acme-team/widgets/src", exchanges.get(1).path());
        assertTrue(sandbox.connectionCount() >= 2);
        assertEquals(200, get(ALICE, "/user").status); // the sandbox still answers
    }

    // ------------------------------------------------------------------ recording

    @Test
    void exchangesAreRecordedAndObserved() throws IOException {
        List<Exchange> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        sandbox.onExchange(observed::add);
        get(ALICE, REPO + "/pullrequests?q=" + java.net.URLEncoder.encode("state=\"OPEN\"", StandardCharsets.UTF_8)
                + "&pagelen=50");
        get(ALICE, "/user");
        List<Exchange> exchanges = sandbox.exchanges();
        assertEquals(2, exchanges.size());
        assertEquals(exchanges, observed);
        Exchange first = exchanges.get(0);
        assertEquals("GET", first.method());
        assertEquals("state=\"OPEN\"", first.queryParameter("q"));
        assertTrue(first.rawTarget().startsWith("/2.0/repositories/acme-team/widgets/pullrequests?q=state%3D%22OPEN%22"));
        assertTrue(first.requestHeader("Authorization").startsWith("Basic "));
        assertEquals(200, first.status());
        assertTrue(first.responseText().contains("\"values\""));
        assertEquals("application/json", first.responseHeaders().get("content-type").get(0));
        assertEquals(1, sandbox.connectionCount()); // keep-alive
        assertEquals(first.connectionIndex(), exchanges.get(1).connectionIndex());

        sandbox.recordBodies(false);
        sandbox.clearExchanges();
        get(ALICE, "/user");
        assertEquals(0, sandbox.exchanges().get(0).responseBody().length);
    }

    @Test
    void concurrentCommitsOnSeparateBranches() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String branch = "feature/C-" + i;
                results.add(pool.submit(() -> call("POST", REPO + "/src", basic(ALICE),
                        new FormBody.Builder().add("/c.txt", branch).add("branch", branch).build()).status));
            }
            for (Future<Integer> result : results) {
                assertEquals(201, result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 16; i++) {
            String branch = "feature/C-" + i;
            assertEquals(branch, sandbox.fileAt("acme-team", "widgets", branch, "c.txt"));
        }
    }
}
