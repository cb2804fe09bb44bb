package io.jenkins.plugins.konductro.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * An in-memory, stateful imitation of the parts of Bitbucket Cloud's REST API 2.0 this project uses, on
 * okhttp's MockWebServer, bound to 127.0.0.1 on a random port. See
 * {@code /work/shared/reference/bitbucket-cloud-api.md} for the contract it follows.
 *
 * <p>Thread-safe: every request and every seeding/inspection call runs under one lock.
 */
public final class BitbucketSandbox implements AutoCloseable {

    // ---------------------------------------------------------------- constants

    public static final String SCOPE_READ_USER = "read:user:bitbucket";
    /** Atlassian's account scope, which the product's set-up asks for; no Bitbucket endpoint requires it. */
    public static final String SCOPE_READ_ACCOUNT = "read:account";
    public static final String SCOPE_READ_WORKSPACE = "read:workspace:bitbucket";
    public static final String SCOPE_READ_REPOSITORY = "read:repository:bitbucket";
    public static final String SCOPE_WRITE_REPOSITORY = "write:repository:bitbucket";
    public static final String SCOPE_READ_PULLREQUEST = "read:pullrequest:bitbucket";
    public static final String SCOPE_WRITE_PULLREQUEST = "write:pullrequest:bitbucket";
    public static final List<String> ALL_SCOPES = List.of(SCOPE_READ_USER, SCOPE_READ_WORKSPACE,
            SCOPE_READ_REPOSITORY, SCOPE_WRITE_REPOSITORY, SCOPE_READ_PULLREQUEST, SCOPE_WRITE_PULLREQUEST);

    static final String MSG_BAD_TOKEN = "Token is invalid, expired, or not supported for this endpoint.";
    static final String MSG_SCOPES = "Your credentials lack one or more required privilege scopes.";
    static final String MSG_NO_WORKSPACE_ACCESS = "The requesting user does not have access to the workspace.";
    static final String MSG_RATE_LIMIT = "Rate limit for this resource has been exceeded.";
    static final String MSG_GONE = "This API is no longer available. See "
            + "https://developer.atlassian.com/cloud/bitbucket/changelog/#CHANGE-2770";

    private static final Set<String> PERMISSIONS = Set.of("owner", "create-project", "member", "collaborator");
    private static final Set<String> PR_STATES = Set.of("OPEN", "MERGED", "DECLINED", "SUPERSEDED");
    private static final Set<String> SRC_META = Set.of("message", "author", "branch", "parents", "files");
    private static final String WEB = "https://bitbucket.org";
    private static final String AVATAR = "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default.png";
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final char[] TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
    private static final char[] ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Kept strongly reachable so the level survives; MockWebServer logs every request at INFO. */
    private static final Logger MWS_LOGGER = Logger.getLogger(MockWebServer.class.getName());

    static {
        MWS_LOGGER.setLevel(Level.WARNING);
    }

    // ---------------------------------------------------------------- state

    private enum TokenKind { API_TOKEN, APP_PASSWORD, ACCESS_TOKEN }

    private static final class UserState {
        final String email;
        final String displayName;
        final String uuid;
        final String accountId;
        final String nickname;
        final Instant created;
        boolean active = true;

        UserState(String email, String displayName, String uuid, String accountId, String nickname, Instant created) {
            this.email = email;
            this.displayName = displayName;
            this.uuid = uuid;
            this.accountId = accountId;
            this.nickname = nickname;
            this.created = created;
        }
    }

    private static final class TokenState {
        final TokenKind kind;
        final String email;
        final String workspace;
        final List<String> scopes;
        boolean revoked;

        TokenState(TokenKind kind, String email, String workspace, List<String> scopes) {
            this.kind = kind;
            this.email = email;
            this.workspace = workspace;
            this.scopes = scopes;
        }
    }

    private static final class WorkspaceState {
        final String slug;
        final String name;
        final String uuid;
        final Instant created;
        final Map<String, String> members = new LinkedHashMap<>(); // lower-case e-mail -> permission
        final Map<String, RepoState> repos = new LinkedHashMap<>();

        WorkspaceState(String slug, String name, String uuid, Instant created) {
            this.slug = slug;
            this.name = name;
            this.uuid = uuid;
            this.created = created;
        }
    }

    private static final class CommitState {
        final String sha;
        final List<String> parents;
        final Instant date;
        final String message;
        final String authorRaw;
        final String authorUuid;
        final Map<String, byte[]> tree;

        CommitState(String sha, List<String> parents, Instant date, String message, String authorRaw,
                String authorUuid, Map<String, byte[]> tree) {
            this.sha = sha;
            this.parents = parents;
            this.date = date;
            this.message = message;
            this.authorRaw = authorRaw;
            this.authorUuid = authorUuid;
            this.tree = tree;
        }
    }

    private static final class PullRequestState {
        final long id;
        String title;
        final String description;
        final String source;
        final String destination;
        String state = "OPEN";
        final String authorUuid;
        final List<String> reviewers;
        final boolean closeSourceBranch;
        final Instant created;
        Instant updated;
        String sourceHash;
        String destinationHash;
        String mergeCommit;
        final List<TaskState> tasks = new ArrayList<>();

        PullRequestState(long id, String title, String description, String source, String destination,
                String authorUuid, List<String> reviewers, boolean closeSourceBranch, Instant created) {
            this.id = id;
            this.title = title;
            this.description = description;
            this.source = source;
            this.destination = destination;
            this.authorUuid = authorUuid;
            this.reviewers = reviewers;
            this.closeSourceBranch = closeSourceBranch;
            this.created = created;
            this.updated = created;
        }
    }

    private static final class TaskState {
        final long id;
        final String raw;
        final String creatorUuid;
        final Instant created;
        String state = "UNRESOLVED";
        Instant updated;
        Instant resolvedOn;

        TaskState(long id, String raw, String creatorUuid, Instant created) {
            this.id = id;
            this.raw = raw;
            this.creatorUuid = creatorUuid;
            this.created = created;
            this.updated = created;
        }
    }

    private static final class RepoState {
        final WorkspaceState workspace;
        final String slug;
        final String uuid;
        String mainBranch; // guarded by lock
        final boolean isPrivate;
        final Instant created;
        Instant updated;
        final Map<String, CommitState> commits = new HashMap<>();
        final Map<String, String> branches = new LinkedHashMap<>(); // name -> sha
        final List<PullRequestState> pullRequests = new ArrayList<>();
        /** Effective default reviewers: account uuid → "repository" or "project", in the order they were added. */
        final Map<String, String> defaultReviewers = new LinkedHashMap<>();
        /** For a private repository: the members given access to it (e-mails, lower case); empty for every member. */
        final Set<String> readers = new HashSet<>();

        RepoState(WorkspaceState workspace, String slug, String uuid, String mainBranch, boolean isPrivate,
                Instant created) {
            this.workspace = workspace;
            this.slug = slug;
            this.uuid = uuid;
            this.mainBranch = mainBranch;
            this.isPrivate = isPrivate;
            this.created = created;
            this.updated = created;
        }

        String fullName() {
            return workspace.slug + "/" + slug;
        }
    }

    /** @param passing how many matching requests are answered normally before the fault plays */
    private record FaultRule(String method, Pattern path, Fault fault, int[] remaining, int[] passing) {}

    /** A parsed request. */
    private record Req(String method, String rawTarget, HttpUrl url, String path, List<String> segments,
            Map<String, List<String>> query, Headers headers, byte[] body) {
        String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** A response before it becomes a MockResponse. */
    private static final class Resp {
        final int status;
        final List<String[]> headers = new ArrayList<>();
        final byte[] body;

        Resp(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        Resp header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }
    }

    /** An API error answer, thrown from handlers. */
    private static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient ObjectNode error;
        final transient List<String[]> headers = new ArrayList<>();

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
            this.error = NODES.objectNode();
            error.put("message", message);
        }

        ApiError field(String name, String message) {
            ObjectNode fields = error.has("fields") ? (ObjectNode) error.get("fields") : error.putObject("fields");
            fields.putArray(name).add(message);
            return this;
        }

        ApiError detail(JsonNode detail) {
            error.set("detail", detail);
            return this;
        }

        ApiError detail(String detail) {
            error.put("detail", detail);
            return this;
        }

        ApiError data(String key, String value) {
            ObjectNode data = error.has("data") ? (ObjectNode) error.get("data") : error.putObject("data");
            data.put(key, value);
            return this;
        }

        ApiError header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }
    }

    private record Caller(UserState user, TokenState token) {}

    private final Object lock = new Object();
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, UserState> users = new LinkedHashMap<>(); // lower-case e-mail
    private final Map<String, TokenState> tokens = new HashMap<>();
    private final Map<String, WorkspaceState> workspaces = new LinkedHashMap<>(); // lower-case slug
    private final List<FaultRule> faults = new ArrayList<>();
    private long nextTaskId = 1; // guarded by lock; ids are unique across pull requests, as Bitbucket's are
    private volatile boolean defaultReviewerUuidsInCapitals;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<Consumer<Exchange>> observers = new CopyOnWriteArrayList<>();
    private final Map<String, String> demoTokens = new HashMap<>();
    private volatile boolean recordBodies = true;
    private volatile boolean membershipsWithoutAccount;
    private volatile long latencyNanos;
    private long commitCounter;
    private Instant lastInstant = Instant.EPOCH;
    private String apiUrl;

    private BitbucketSandbox() {}

    // ---------------------------------------------------------------- lifecycle

    /** An empty sandbox, started. */
    public static BitbucketSandbox start() {
        BitbucketSandbox sandbox = new BitbucketSandbox();
        sandbox.startServer();
        return sandbox;
    }

    /**
     * A started sandbox with workspace {@code acme-team} ("Acme Team"), users alice@acme.test ("Alice Doe",
     * owner) and bob@acme.test ("Bob Stone", member), and the private repository {@code acme-team/widgets}
     * (main branch {@code main}). {@link #demoToken(String)} gives each a token with all scopes.
     */
    public static BitbucketSandbox startDemo() {
        BitbucketSandbox sandbox = start();
        sandbox.addWorkspace("acme-team", "Acme Team");
        sandbox.addUser("alice@acme.test", "Alice Doe");
        sandbox.addUser("bob@acme.test", "Bob Stone");
        sandbox.addMember("acme-team", "alice@acme.test", "owner");
        sandbox.addMember("acme-team", "bob@acme.test", "member");
        sandbox.addRepository("acme-team", "widgets", "main", true);
        String[] scopes = ALL_SCOPES.toArray(String[]::new);
        synchronized (sandbox.lock) {
            sandbox.demoTokens.put("alice", sandbox.issueToken("alice@acme.test", scopes));
            sandbox.demoTokens.put("bob", sandbox.issueToken("bob@acme.test", scopes));
        }
        return sandbox;
    }

    /** The demo token of "alice" or "bob" (also accepts their e-mail); only for {@link #startDemo()}. */
    public String demoToken(String who) {
        synchronized (lock) {
            String key = who.toLowerCase(Locale.ROOT);
            int at = key.indexOf('@');
            if (at > 0) {
                key = key.substring(0, at);
            }
            String token = demoTokens.get(key);
            if (token == null) {
                throw new IllegalArgumentException("no demo token for '" + who + "' (use alice or bob in startDemo())");
            }
            return token;
        }
    }

    private void startServer() {
        server.setServerSocketFactory(new CountingServerSocketFactory(acceptedConnections));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return BitbucketSandbox.this.dispatch(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Bitbucket sandbox", e);
        }
        apiUrl = "http://127.0.0.1:" + server.getPort() + "/2.0";
    }

    /** {@code http://127.0.0.1:<port>/2.0} */
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- seeding

    public SandboxUser addUser(String email, String displayName) {
        synchronized (lock) {
            String key = email.toLowerCase(Locale.ROOT);
            if (users.containsKey(key)) {
                throw new IllegalArgumentException("user exists: " + email);
            }
            int at = email.indexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("not an e-mail: " + email);
            }
            String uuid = "{" + UUID.randomUUID() + "}";
            String accountId = "712020:" + UUID.randomUUID();
            UserState user = new UserState(email, displayName, uuid, accountId, email.substring(0, at), now());
            users.put(key, user);
            return toRecord(user);
        }
    }

    /** The user with this e-mail (case-insensitive); IllegalArgumentException when unknown. */
    public SandboxUser user(String email) {
        synchronized (lock) {
            return toRecord(requireUser(email));
        }
    }

    /** Every user, in the order they were added. */
    public List<SandboxUser> users() {
        synchronized (lock) {
            return users.values().stream().map(BitbucketSandbox::toRecord).toList();
        }
    }

    /** A personal API token with the given scopes (none: a scopeless token, always refused). */
    public String issueToken(String email, String... scopes) {
        synchronized (lock) {
            requireUser(email);
            String token = "ATATT3" + randomString(TOKEN_CHARS, 186);
            tokens.put(token, new TokenState(TokenKind.API_TOKEN, email, null, List.copyOf(new LinkedHashSet<>(List.of(scopes)))));
            return token;
        }
    }

    /** An app password; always answered 401, as after their removal. */
    public String issueAppPassword(String email) {
        synchronized (lock) {
            requireUser(email);
            String token = "ATBB" + randomString(ALNUM, 32);
            tokens.put(token, new TokenState(TokenKind.APP_PASSWORD, email, null, List.of()));
            return token;
        }
    }

    /** A workspace access token (Bearer, no user identity); refused everywhere with 401. */
    public String issueAccessToken(String workspace) {
        synchronized (lock) {
            requireWorkspace(workspace);
            String token = "ATCTT3" + randomString(TOKEN_CHARS, 186);
            tokens.put(token, new TokenState(TokenKind.ACCESS_TOKEN, null, workspace, ALL_SCOPES));
            return token;
        }
    }

    public void revoke(String token) {
        synchronized (lock) {
            TokenState state = tokens.get(token);
            if (state == null) {
                throw new IllegalArgumentException("unknown token");
            }
            state.revoked = true;
        }
    }

    /** The granted scopes of a token, comma separated (as in {@code X-OAuth-Scopes}); null when unknown. */
    public String scopesOf(String token) {
        synchronized (lock) {
            TokenState state = tokens.get(token);
            return state == null ? null : String.join(", ", state.scopes);
        }
    }

    public void addWorkspace(String slug, String name) {
        synchronized (lock) {
            String key = slug.toLowerCase(Locale.ROOT);
            if (workspaces.containsKey(key)) {
                throw new IllegalArgumentException("workspace exists: " + slug);
            }
            workspaces.put(key, new WorkspaceState(slug, name, "{" + UUID.randomUUID() + "}", now()));
        }
    }

    public void addMember(String workspace, String email, String permission) {
        synchronized (lock) {
            if (!PERMISSIONS.contains(permission)) {
                throw new IllegalArgumentException("permission must be one of " + PERMISSIONS + ": " + permission);
            }
            UserState user = requireUser(email);
            requireWorkspace(workspace).members.put(user.email.toLowerCase(Locale.ROOT), permission);
        }
    }

    public void removeMember(String workspace, String email) {
        synchronized (lock) {
            requireWorkspace(workspace).members.remove(email.toLowerCase(Locale.ROOT));
        }
    }

    /** Makes an existing branch the repository's main branch, as a repository admin can in Bitbucket's settings. */
    public void setMainBranch(String workspace, String repo, String branch) {
        synchronized (lock) {
            RepoState state = requireRepo(workspace, repo);
            if (!state.branches.containsKey(branch)) {
                throw new IllegalArgumentException("no branch " + branch + " in " + workspace + "/" + repo);
            }
            state.mainBranch = branch;
        }
    }

    /** A repository whose {@code mainBranch} holds one commit with README.md. */
    /**
     * A private repository that only the given members of its workspace may see, as when a workspace admin grants
     * access per repository: to everyone else it does not exist (404, and absent from the list).
     */
    public void addPrivateRepository(String workspace, String repo, String... readerEmails) {
        addRepository(workspace, repo, "main", true);
        synchronized (lock) {
            RepoState state = requireWorkspace(workspace).repos.get(repo.toLowerCase(Locale.ROOT));
            for (String email : readerEmails) {
                state.readers.add(email.toLowerCase(Locale.ROOT));
            }
        }
    }

    public void addRepository(String workspace, String repo, String mainBranch, boolean isPrivate) {
        synchronized (lock) {
            WorkspaceState ws = requireWorkspace(workspace);
            String key = repo.toLowerCase(Locale.ROOT);
            if (ws.repos.containsKey(key)) {
                throw new IllegalArgumentException("repository exists: " + workspace + "/" + repo);
            }
            if (!validBranchName(mainBranch)) {
                throw new IllegalArgumentException("bad branch name " + mainBranch);
            }
            RepoState state = new RepoState(ws, repo, "{" + UUID.randomUUID() + "}", mainBranch, isPrivate, now());
            Map<String, byte[]> tree = new HashMap<>();
            tree.put("README.md", ("# " + repo + "\n").getBytes(StandardCharsets.UTF_8));
            CommitState initial = newCommit(state, List.of(), "Initial commit\n",
                    "Sandbox <sandbox@bitbucket.invalid>", null, tree);
            state.branches.put(mainBranch, initial.sha);
            ws.repos.put(key, state);
        }
    }

    /** Holds every answer's headers back by {@code latency}: a network's round trip, for the latency benchmark. */
    public void simulateLatency(java.time.Duration latency) {
        latencyNanos = latency.toNanos();
    }

    /**
     * Leaves the member's account out of {@code GET /user/workspaces/{ws}/permission} answers, as the definition
     * allows ({@code user} is not a required property): clients must then ask {@code GET /user}.
     */
    public void leaveAccountOutOfMemberships() {
        membershipsWithoutAccount = true;
    }

    /** The user stays, their tokens keep working, but they can no longer be a reviewer. */

    public void deactivate(String email) {
        synchronized (lock) {
            requireUser(email).active = false;
        }
    }

    // ---------------------------------------------------------------- inspection and direct changes

    public String branchHead(String workspace, String repo, String branch) {
        synchronized (lock) {
            return requireRepo(workspace, repo).branches.get(branch);
        }
    }

    /** The file at a commit (sha, sha prefix or branch name) as UTF-8, or null. */
    public String fileAt(String workspace, String repo, String commit, String path) {
        synchronized (lock) {
            RepoState state = requireRepo(workspace, repo);
            CommitState c = resolveCommit(state, commit);
            if (c == null) {
                return null;
            }
            byte[] content = c.tree.get(stripSlash(path));
            return content == null ? null : new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The raw author string of a commit (sha, sha prefix or branch name), or null. */
    public String commitAuthor(String workspace, String repo, String commit) {
        synchronized (lock) {
            CommitState c = resolveCommit(requireRepo(workspace, repo), commit);
            return c == null ? null : c.authorRaw;
        }
    }

    /** Somebody else's push: one commit on {@code branch} (created from the main branch if absent). */
    public String commitDirectly(String workspace, String repo, String branch, String path, String content) {
        synchronized (lock) {
            RepoState state = requireRepo(workspace, repo);
            String parent = state.branches.get(branch);
            if (parent == null) {
                if (!validBranchName(branch)) {
                    throw new IllegalArgumentException("bad branch name " + branch);
                }
                parent = state.branches.get(state.mainBranch);
            }
            Map<String, byte[]> tree = new HashMap<>(state.commits.get(parent).tree);
            if (content == null) {
                tree.remove(stripSlash(path));
            } else {
                tree.put(stripSlash(path), content.getBytes(StandardCharsets.UTF_8));
            }
            CommitState c = newCommit(state, List.of(parent), "Direct change to " + path + "\n",
                    "Someone Else <someone.else@example.invalid>", null, tree);
            state.branches.put(branch, c.sha);
            state.updated = now();
            return c.sha;
        }
    }

    /**
     * Makes a user one of the repository's effective default reviewers, at repository or project level, as a repository
     * or project admin does in Bitbucket's settings.
     */
    public void addDefaultReviewer(String workspace, String repo, String email, String level) {
        if (!level.equals("repository") && !level.equals("project")) {
            throw new IllegalArgumentException("level is repository or project: " + level);
        }
        synchronized (lock) {
            requireRepo(workspace, repo).defaultReviewers.put(user(email).uuid(), level);
        }
    }

    /** Answers the effective default reviewers' UUIDs in capitals: a UUID's case means nothing. */
    public void answerDefaultReviewerUuidsInCapitals() {
        defaultReviewerUuidsInCapitals = true;
    }

    /** The pull request's tasks as texts with their states ({@code RESOLVED} or {@code UNRESOLVED}), in creation order. */
    public Map<String, String> tasks(String workspace, String repo, long pullRequestId) {
        synchronized (lock) {
            Map<String, String> tasks = new LinkedHashMap<>();
            requirePullRequest(workspace, repo, pullRequestId).tasks.forEach(t -> tasks.put(t.raw, t.state));
            return tasks;
        }
    }

    /** A reviewer resolves (or reopens) the first task with this text, as in Bitbucket's web UI. */
    public void setTaskState(String workspace, String repo, long pullRequestId, String text, boolean resolved) {
        synchronized (lock) {
            TaskState task = requirePullRequest(workspace, repo, pullRequestId).tasks.stream()
                    .filter(t -> t.raw.equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no task " + text));
            task.state = resolved ? "RESOLVED" : "UNRESOLVED";
            task.updated = now();
            task.resolvedOn = resolved ? task.updated : null;
        }
    }

    /** A task somebody adds in Bitbucket's web UI. */
    public void addTask(String workspace, String repo, long pullRequestId, String email, String text) {
        synchronized (lock) {
            PullRequestState pr = requirePullRequest(workspace, repo, pullRequestId);
            pr.tasks.add(new TaskState(nextTaskId++, text, user(email).uuid(), now()));
        }
    }

    private PullRequestState requirePullRequest(String workspace, String repo, long id) {
        return requireRepo(workspace, repo).pullRequests.stream().filter(p -> p.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pull request " + id));
    }

    public List<SandboxPullRequest> pullRequests(String workspace, String repo) {
        synchronized (lock) {
            List<SandboxPullRequest> out = new ArrayList<>();
            for (PullRequestState pr : requireRepo(workspace, repo).pullRequests) {
                out.add(new SandboxPullRequest(pr.id, pr.title, pr.description, pr.source, pr.destination, pr.state,
                        pr.authorUuid, pr.reviewers, pr.closeSourceBranch));
            }
            return out;
        }
    }

    /**
     * Moves a pull request to OPEN, MERGED, DECLINED or SUPERSEDED. MERGED records a merge commit on the
     * destination branch (its tree is the source's), sets {@code merge_commit} and, when the pull request
     * asked for it, deletes the source branch.
     */
    public void setPullRequestState(String workspace, String repo, long id, String state) {
        synchronized (lock) {
            String upper = state.toUpperCase(Locale.ROOT);
            if (!PR_STATES.contains(upper)) {
                throw new IllegalArgumentException("state must be one of " + PR_STATES + ": " + state);
            }
            RepoState r = requireRepo(workspace, repo);
            PullRequestState pr = r.pullRequests.stream().filter(p -> p.id == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no pull request " + id));
            refreshHashes(r, pr);
            if (upper.equals("MERGED") && !pr.state.equals("MERGED")) {
                String sourceHead = r.branches.get(pr.source);
                if (sourceHead == null) {
                    sourceHead = pr.sourceHash;
                }
                String destinationHead = r.branches.get(pr.destination);
                CommitState source = r.commits.get(sourceHead);
                List<String> parents = destinationHead == null ? List.of(sourceHead) : List.of(destinationHead, sourceHead);
                CommitState merge = newCommit(r, parents, "Merged in " + pr.source + " (pull request #" + pr.id + ")\n",
                        "Sandbox <sandbox@bitbucket.invalid>", null, new HashMap<>(source.tree));
                r.branches.put(pr.destination, merge.sha);
                pr.mergeCommit = merge.sha;
                if (pr.closeSourceBranch && !pr.source.equals(r.mainBranch)) {
                    r.branches.remove(pr.source);
                }
            }
            if (upper.equals("OPEN")) {
                pr.mergeCommit = null;
            }
            pr.state = upper;
            pr.updated = now();
        }
    }

    // ---------------------------------------------------------------- faults

    public void inject(Fault fault) {
        inject(null, ".*", fault);
    }

    /**
     * A fault for the next matching requests. {@code method} null matches any method; {@code pathRegex}
     * must match the whole decoded path below /2.0 (for example {@code /repositories/.+/src}).
     */
    public void inject(String method, String pathRegex, Fault fault) {
        synchronized (lock) {
            faults.add(new FaultRule(method, Pattern.compile(pathRegex), fault, new int[] {fault.times}, new int[] {0}));
        }
    }

    /** As {@link #inject(String, String, Fault)}, once {@code passing} matching requests have been answered normally. */
    public void injectAfter(int passing, String method, String pathRegex, Fault fault) {
        synchronized (lock) {
            faults.add(new FaultRule(method, Pattern.compile(pathRegex), fault, new int[] {fault.times}, new int[] {passing}));
        }
    }

    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    private Fault takeFault(String method, String path) {
        synchronized (lock) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                FaultRule rule = it.next();
                if ((rule.method == null || rule.method.equalsIgnoreCase(method)) && rule.path.matcher(path).matches()) {
                    if (rule.passing[0] > 0) {
                        rule.passing[0]--;
                        continue;
                    }
                    if (--rule.remaining[0] <= 0) {
                        it.remove();
                    }
                    return rule.fault;
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- recording

    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    public void clearExchanges() {
        synchronized (exchanges) {
            exchanges.clear();
        }
    }

    /** Whether request and response bodies are kept in {@link #exchanges()} (default true). */
    public void recordBodies(boolean record) {
        this.recordBodies = record;
    }

    /** Distinct TCP connections accepted so far. */
    public int connectionCount() {
        return acceptedConnections.get();
    }

    /** Called (on the server thread) for every exchange once its answer is decided, dropped ones included. */
    public void onExchange(Consumer<Exchange> observer) {
        observers.add(observer);
    }

    private void record(RecordedRequest raw, Req req, int status, Headers responseHeaders, byte[] responseBody) {
        Map<String, List<String>> requestHeaders = lowerCase(raw.getHeaders());
        Map<String, List<String>> answerHeaders = responseHeaders == null ? Map.of() : lowerCase(responseHeaders);
        boolean bodies = recordBodies;
        Exchange exchange = new Exchange(raw.getConnectionIndex(), req.method, req.rawTarget, req.path, req.query,
                requestHeaders, bodies ? req.body : new byte[0], status, answerHeaders,
                bodies && responseBody != null ? responseBody : new byte[0]);
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
        for (Consumer<Exchange> observer : observers) {
            try {
                observer.accept(exchange);
            } catch (RuntimeException e) {
                System.err.println("BitbucketSandbox: exchange observer failed on " + exchange + ": " + e);
            }
        }
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            out.computeIfAbsent(headers.name(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(headers.value(i));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Marks answers made up by an injected fault rather than by the emulated API, so that the contract check
     * validates only their requests: they stand for failures outside the API's definition.
     */
    public static final String FAULT_HEADER = "X-Sandbox-Fault";

    private MockResponse dispatch(RecordedRequest raw) {
        Req req = parse(raw);
        Fault fault = takeFault(req.method, req.path);
        if (fault != null) {
            switch (fault.kind) {
                case DROP_BEFORE -> {
                    record(raw, req, -1, null, null);
                    return dropped();
                }
                case DROP_AFTER -> {
                    process(req);
                    record(raw, req, -1, null, null);
                    return dropped();
                }
                case RATE_LIMITED -> {
                    Resp resp = errorResp(new ApiError(429, MSG_RATE_LIMIT));
                    if (fault.retryAfter != null) {
                        resp.header("Retry-After", fault.retryAfter);
                    }
                    return answer(raw, req, resp.header(FAULT_HEADER, "rate-limited"), 0);
                }
                case STATUS -> {
                    return answer(raw, req, errorResp(new ApiError(fault.code, reason(fault.code))).header(FAULT_HEADER, "status"), 0);
                }
                case HTML_STATUS -> {
                    String html = "<!DOCTYPE html>\n<html><head><title>" + fault.code + " " + reason(fault.code)
                            + "</title></head><body><h1>" + reason(fault.code)
                            + "</h1><p>Something went wrong. Bitbucket is experiencing problems.</p></body></html>\n";
                    Resp resp = new Resp(fault.code, html.getBytes(StandardCharsets.UTF_8))
                            .header("Content-Type", "text/html; charset=utf-8");
                    return answer(raw, req, resp.header(FAULT_HEADER, "html-status"), 0);
                }
                case EMPTY_STATUS -> {
                    return answer(raw, req, new Resp(fault.code, new byte[0]).header(FAULT_HEADER, "empty-status"), 0);
                }
                case SLOW -> {
                    return answer(raw, req, process(req), fault.delay.toNanos());
                }
            }
        }
        return answer(raw, req, process(req), 0);
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build();
    }

    private MockResponse answer(RecordedRequest raw, Req req, Resp resp, long delayNanos) {
        MockResponse.Builder builder = new MockResponse.Builder().code(resp.status);
        for (String[] h : resp.headers) {
            builder.addHeader(h[0], h[1]);
        }
        builder.body(new Buffer().write(resp.body));
        long delay = delayNanos + latencyNanos;
        if (delay > 0) {
            builder.headersDelay(delay, TimeUnit.NANOSECONDS);
        }
        MockResponse response = builder.build();
        record(raw, req, resp.status, response.getHeaders(), resp.body);
        return response;
    }

    private Req parse(RecordedRequest raw) {
        HttpUrl url = raw.getUrl();
        String target = raw.getTarget();
        List<String> all = url.pathSegments();
        List<String> segments;
        String path;
        if (!all.isEmpty() && all.get(0).equals("2.0")) {
            segments = new ArrayList<>(all.subList(1, all.size()));
            if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
                segments.remove(segments.size() - 1); // trailing slash
            }
            path = "/" + String.join("/", segments);
        } else {
            segments = null;
            path = "/" + String.join("/", all);
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>()).add(value == null ? "" : value);
        }
        query.replaceAll((k, v) -> Collections.unmodifiableList(v));
        ByteString body = raw.getBody();
        return new Req(raw.getMethod() == null ? "" : raw.getMethod().toUpperCase(Locale.ROOT), target, url, path,
                segments, Collections.unmodifiableMap(query), raw.getHeaders(),
                body == null ? new byte[0] : body.toByteArray());
    }

    private Resp process(Req req) {
        try {
            synchronized (lock) {
                return route(req);
            }
        } catch (ApiError e) {
            return errorResp(e);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return errorResp(new ApiError(500, "Something went wrong").detail(String.valueOf(e)));
        }
    }

    private Resp route(Req req) {
        List<String> s = req.segments;
        if (s == null || s.isEmpty()) {
            throw notFoundEndpoint(req);
        }
        String m = req.method;
        int n = s.size();
        switch (s.get(0)) {
            case "user" -> {
                if (n == 1) {
                    allow(req, "GET");
                    return getUser(req);
                }
                if (n == 3 && s.get(1).equals("permissions")
                        && (s.get(2).equals("workspaces") || s.get(2).equals("repositories"))) {
                    throw gone();
                }
                if (n == 4 && s.get(1).equals("workspaces") && s.get(3).equals("permission")) {
                    allow(req, "GET");
                    return getWorkspacePermission(req, s.get(2));
                }
            }
            case "workspaces" -> {
                if (n == 1) {
                    throw gone();
                }
                if (n == 2) {
                    allow(req, "GET");
                    return getWorkspace(req, s.get(1));
                }
            }
            case "repositories" -> {
                if (n == 1) {
                    throw gone();
                }
                if (n == 2) {
                    allow(req, "GET");
                    return listRepositories(req, s.get(1));
                }
                String ws = s.get(1);
                String repo = s.get(2);
                if (n == 3) {
                    allow(req, "GET");
                    return getRepository(req, ws, repo);
                }
                String sub = s.get(3);
                if (sub.equals("refs") && n >= 5 && s.get(4).equals("branches")) {
                    if (n == 5) {
                        allow(req, "GET", "POST");
                        return m.equals("POST") ? createBranch(req, ws, repo) : listBranches(req, ws, repo);
                    }
                    allow(req, "GET");
                    return getBranch(req, ws, repo, String.join("/", s.subList(5, n)));
                }
                if (sub.equals("src")) {
                    if (n == 4) {
                        allow(req, "POST");
                        return commitFiles(req, ws, repo);
                    }
                    allow(req, "GET");
                    return getSource(req, ws, repo, s.get(4), String.join("/", s.subList(5, n)));
                }
                if (sub.equals("pullrequests")) {
                    if (n == 4) {
                        allow(req, "GET", "POST");
                        return m.equals("POST") ? createPullRequest(req, ws, repo) : listPullRequests(req, ws, repo);
                    }
                    if (n == 5) {
                        allow(req, "GET");
                        return getPullRequest(req, ws, repo, s.get(4));
                    }
                    if (n == 6 && s.get(5).equals("tasks")) {
                        allow(req, "GET", "POST");
                        return m.equals("POST") ? createTask(req, ws, repo, s.get(4)) : listTasks(req, ws, repo, s.get(4));
                    }
                }
                if (sub.equals("effective-default-reviewers") && n == 4) {
                    allow(req, "GET");
                    return listEffectiveDefaultReviewers(req, ws, repo);
                }
            }
            default -> { }
        }
        throw notFoundEndpoint(req);
    }

    private static void allow(Req req, String... methods) {
        for (String method : methods) {
            if (method.equals(req.method)) {
                return;
            }
        }
        throw new ApiError(405, "Method " + req.method + " is not allowed on " + req.path)
                .header("Allow", String.join(", ", methods));
    }

    private static ApiError notFoundEndpoint(Req req) {
        return new ApiError(404, "Unknown endpoint: " + req.method + " " + req.path)
                .detail("There is no API hosted at this URL. For information about our API's, please refer to "
                        + "the documentation at: https://developer.atlassian.com/bitbucket/api/2/reference/");
    }

    private static ApiError gone() {
        return new ApiError(410, MSG_GONE);
    }

    // ---------------------------------------------------------------- auth

    private Caller authenticate(Req req) {
        String header = req.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized();
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            throw unauthorized(); // access tokens carry no user identity; refused
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            throw unauthorized();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized();
        }
        String email = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        TokenState token = tokens.get(secret);
        if (token == null || token.revoked || token.kind != TokenKind.API_TOKEN || token.scopes.isEmpty()
                || !token.email.equalsIgnoreCase(email)) {
            throw unauthorized();
        }
        UserState user = users.get(token.email.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw unauthorized();
        }
        return new Caller(user, token);
    }

    private static ApiError unauthorized() {
        return new ApiError(401, MSG_BAD_TOKEN).header("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"");
    }

    private Caller authorize(Req req, String... required) {
        Caller caller = authenticate(req);
        List<String> missing = new ArrayList<>();
        for (String scope : required) {
            if (!caller.token.scopes.contains(scope)) {
                missing.add(scope);
            }
        }
        if (!missing.isEmpty()) {
            ObjectNode detail = NODES.objectNode();
            ArrayNode granted = detail.putArray("granted");
            caller.token.scopes.forEach(granted::add);
            ArrayNode requiredNode = detail.putArray("required");
            for (String scope : required) {
                requiredNode.add(scope);
            }
            throw new ApiError(403, MSG_SCOPES).detail(detail)
                    .header("X-OAuth-Scopes", String.join(", ", caller.token.scopes))
                    .header("X-Accepted-OAuth-Scopes", String.join(", ", required));
        }
        return caller;
    }

    private boolean isMember(UserState user, WorkspaceState ws) {
        return ws.members.containsKey(user.email.toLowerCase(Locale.ROOT));
    }

    private RepoState visibleRepo(Caller caller, String workspace, String repo) {
        WorkspaceState ws = workspaces.get(workspace.toLowerCase(Locale.ROOT));
        RepoState state = ws == null ? null : ws.repos.get(repo.toLowerCase(Locale.ROOT));
        if (state == null || !maySee(caller.user, state)) {
            throw new ApiError(404, "Repository " + workspace + "/" + repo
                    + " either does not exist or you do not have access to it.");
        }
        return state;
    }

    private boolean maySee(UserState user, RepoState repo) {
        return !repo.isPrivate || (isMember(user, repo.workspace)
                && (repo.readers.isEmpty() || repo.readers.contains(user.email.toLowerCase(Locale.ROOT))));
    }

    private RepoState writableRepo(Caller caller, String workspace, String repo) {
        RepoState state = visibleRepo(caller, workspace, repo);
        if (!isMember(caller.user, state.workspace)) {
            throw new ApiError(403, "You do not have write access to " + state.fullName() + ".");
        }
        return state;
    }

    // ---------------------------------------------------------------- handlers: identity, workspaces

    private Resp getUser(Req req) {
        Caller caller = authorize(req, SCOPE_READ_USER);
        ObjectNode user = userJson(caller.user);
        user.put("account_status", caller.user.active ? "active" : "inactive");
        user.put("created_on", MICROS.format(caller.user.created));
        user.put("is_staff", false);
        user.put("has_2fa_enabled", false);
        return ok(req, caller, 200, user);
    }

    private Resp getWorkspacePermission(Req req, String workspace) {
        Caller caller = authorize(req, SCOPE_READ_WORKSPACE);
        WorkspaceState ws = workspaces.get(workspace.toLowerCase(Locale.ROOT));
        if (ws == null || !isMember(caller.user, ws)) {
            throw new ApiError(403, MSG_NO_WORKSPACE_ACCESS);
        }
        ObjectNode membership = NODES.objectNode();
        membership.put("type", "workspace_membership");
        membership.put("permission", ws.members.get(caller.user.email.toLowerCase(Locale.ROOT)));
        if (!membershipsWithoutAccount) {
            membership.set("user", userJson(caller.user));
        }
        membership.set("workspace", workspaceJson(ws));
        membership.putObject("links").set("self",
                link(apiUrl + "/user/workspaces/" + segment(ws.slug) + "/permission"));
        return ok(req, caller, 200, membership);
    }

    private Resp getWorkspace(Req req, String workspace) {
        Caller caller = authorize(req, SCOPE_READ_WORKSPACE);
        WorkspaceState ws = workspaces.get(workspace.toLowerCase(Locale.ROOT));
        if (ws == null) {
            throw new ApiError(404, "No workspace with identifier '" + workspace + "'.");
        }
        ObjectNode json = workspaceJson(ws);
        json.put("is_private", true);
        json.put("created_on", MICROS.format(ws.created));
        return ok(req, caller, 200, json);
    }

    // ---------------------------------------------------------------- handlers: repositories, branches

    private Resp listRepositories(Req req, String workspace) {
        Caller caller = authorize(req, SCOPE_READ_REPOSITORY);
        WorkspaceState ws = workspaces.get(workspace.toLowerCase(Locale.ROOT));
        if (ws == null) {
            throw new ApiError(404, "No workspace with identifier '" + workspace + "'.");
        }
        String role = req.param("role");
        if (role != null && !Set.of("member", "contributor", "admin", "owner").contains(role)) {
            throw new ApiError(400, "Invalid role: " + role + ". Must be one of member, contributor, admin or owner.");
        }
        String permission = ws.members.get(caller.user.email.toLowerCase(Locale.ROOT));
        List<JsonNode> values = new ArrayList<>();
        for (RepoState repo : ws.repos.values()) {
            boolean visible = maySee(caller.user, repo);
            boolean hasRole = role == null
                    || (role.equals("member") || role.equals("contributor") ? permission != null
                            : "owner".equals(permission));
            if (visible && hasRole) {
                values.add(repositoryJson(repo));
            }
        }
        return ok(req, caller, 200, paginate(req, values, 100));
    }

    private Resp getRepository(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_READ_REPOSITORY);
        return ok(req, caller, 200, repositoryJson(visibleRepo(caller, workspace, repo)));
    }

    private Resp listBranches(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_READ_REPOSITORY);
        RepoState state = visibleRepo(caller, workspace, repo);
        List<JsonNode> values = new ArrayList<>();
        for (String name : state.branches.keySet()) {
            values.add(branchJson(state, name));
        }
        return ok(req, caller, 200, paginate(req, values, 100));
    }

    private Resp getBranch(Req req, String workspace, String repo, String name) {
        Caller caller = authorize(req, SCOPE_READ_REPOSITORY);
        RepoState state = visibleRepo(caller, workspace, repo);
        if (!state.branches.containsKey(name)) {
            throw new ApiError(404, "Branch \"" + name + "\" does not exist.");
        }
        return ok(req, caller, 200, branchJson(state, name));
    }

    private Resp createBranch(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_WRITE_REPOSITORY, SCOPE_READ_REPOSITORY);
        RepoState state = writableRepo(caller, workspace, repo);
        JsonNode body = jsonBody(req);
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isEmpty()) {
            throw new ApiError(400, "name: This field is required.").field("name", "This field is required.");
        }
        String name = nameNode.asText();
        JsonNode hashNode = body.path("target").get("hash");
        if (hashNode == null || !hashNode.isTextual() || hashNode.asText().isEmpty()) {
            throw new ApiError(400, "target.hash: This field is required.").field("target", "This field is required.");
        }
        if (!validBranchName(name)) {
            throw new ApiError(400, "\"" + name + "\" is not a valid branch name.").field("name", "Invalid branch name.");
        }
        if (state.branches.containsKey(name)) {
            throw new ApiError(400, "Branch \"" + name + "\" already exists.").data("key", "BRANCH_ALREADY_EXISTS");
        }
        CommitState target = resolveCommit(state, hashNode.asText());
        if (target == null) {
            throw new ApiError(400, "The specified commit \"" + hashNode.asText() + "\" does not exist.")
                    .field("target", "Commit not found.");
        }
        state.branches.put(name, target.sha);
        state.updated = now();
        Resp resp = ok(req, caller, 201, branchJson(state, name));
        return resp;
    }

    // ---------------------------------------------------------------- handlers: source

    private Resp getSource(Req req, String workspace, String repo, String commit, String path) {
        Caller caller = authorize(req, SCOPE_READ_REPOSITORY);
        RepoState state = visibleRepo(caller, workspace, repo);
        CommitState c = resolveCommit(state, commit);
        if (c == null) {
            throw new ApiError(404, "Commit not found: " + commit);
        }
        String file = stripSlash(path);
        byte[] content = c.tree.get(file);
        if (content == null) {
            throw new ApiError(404, "No such file or directory: " + file);
        }
        if ("meta".equals(req.param("format"))) {
            ObjectNode meta = NODES.objectNode();
            meta.put("type", "commit_file");
            meta.put("path", file);
            meta.put("escaped_path", file);
            meta.put("size", content.length);
            meta.putArray("attributes");
            ObjectNode commitNode = meta.putObject("commit");
            commitNode.put("type", "commit");
            commitNode.put("hash", c.sha);
            ObjectNode links = meta.putObject("links");
            links.set("self", link(apiUrl + "/repositories/" + segment(state.workspace.slug) + "/" + segment(state.slug)
                    + "/src/" + c.sha + "/" + encodePath(file)));
            return ok(req, caller, 200, meta);
        }
        Resp resp = new Resp(200, content).header("Content-Type",
                isUtf8(content) ? "text/plain; charset=utf-8" : "application/octet-stream");
        return withScopeHeaders(resp, caller);
    }

    private Resp commitFiles(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_WRITE_REPOSITORY);
        RepoState state = writableRepo(caller, workspace, repo);
        Map<String, List<String>> meta = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : req.query.entrySet()) {
            if (SRC_META.contains(e.getKey())) {
                meta.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        String contentType = req.header("Content-Type");
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        String type = mediaType == null ? "" : mediaType.type() + "/" + mediaType.subtype();
        if (type.equalsIgnoreCase("multipart/form-data")) {
            readMultipart(req, mediaType, meta, files);
        } else if (type.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            readUrlEncoded(req, meta, files);
        } else {
            throw new ApiError(400, "Unsupported request body: use multipart/form-data or "
                    + "application/x-www-form-urlencoded (got " + (contentType == null ? "none" : contentType) + ").");
        }
        String message = first(meta, "message");
        String author = first(meta, "author");
        String branch = first(meta, "branch");
        List<String> parents = meta.getOrDefault("parents", List.of()).stream()
                .flatMap(p -> List.of(p.split(",")).stream()).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (parents.size() > 1) {
            throw new ApiError(400, "Only a single parent commit is supported.").field("parents", "Too many parents.");
        }
        if (branch == null || branch.isEmpty()) {
            branch = state.mainBranch;
        }
        if (!validBranchName(branch)) {
            throw new ApiError(400, "\"" + branch + "\" is not a valid branch name.").field("branch", "Invalid branch name.");
        }
        String tip = state.branches.get(branch);
        CommitState parent;
        if (!parents.isEmpty()) {
            parent = resolveCommit(state, parents.get(0));
            if (parent == null) {
                throw new ApiError(400, "The specified parent commit \"" + parents.get(0) + "\" does not exist.")
                        .field("parents", "Commit not found.");
            }
            if (tip != null && !tip.equals(parent.sha)) {
                throw new ApiError(409, "The parent " + parents.get(0) + " is not the head of branch \"" + branch
                        + "\" (which is " + tip + "). Someone else committed to it; nothing was written.");
            }
        } else {
            parent = state.commits.get(tip != null ? tip : state.branches.get(state.mainBranch));
        }
        if (author == null || author.isBlank()) {
            author = caller.user.displayName + " <" + caller.user.email + ">";
        } else if (!author.matches(".*<[^<>]+>\\s*")) {
            throw new ApiError(400, "The author field must follow the format \"Full Name <email@address>\".")
                    .field("author", "Invalid author.");
        }
        if (message == null || message.isEmpty()) {
            message = "Changes made via the Bitbucket REST API";
        }
        Map<String, byte[]> tree = new HashMap<>(parent.tree);
        for (String deleted : meta.getOrDefault("files", List.of())) {
            String p = stripSlash(deleted);
            if (!files.containsKey(p)) {
                tree.remove(p);
            }
        }
        tree.putAll(files);
        CommitState created = newCommit(state, List.of(parent.sha), message, author, caller.user.uuid, tree);
        state.branches.put(branch, created.sha);
        state.updated = now();
        return withScopeHeaders(new Resp(201, new byte[0]), caller);
    }

    private static void readMultipart(Req req, MediaType mediaType, Map<String, List<String>> meta,
            Map<String, byte[]> files) {
        String boundary = mediaType.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new ApiError(400, "Malformed multipart body: no boundary.");
        }
        try (MultipartReader reader = new MultipartReader(new Buffer().write(req.body), boundary)) {
            MultipartReader.Part next;
            while ((next = reader.nextPart()) != null) {
                try (MultipartReader.Part part = next) {
                    byte[] content = part.body().readByteArray();
                    Map<String, String> disposition = parseDisposition(part.headers().get("Content-Disposition"));
                    String name = disposition.get("name");
                    String contentId = part.headers().get("Content-ID");
                    if (name == null && contentId != null) {
                        name = contentId.replaceAll("^\"|\"$", "");
                    }
                    if (name == null) {
                        continue;
                    }
                    if (disposition.containsKey("filename")) {
                        files.put(stripSlash(name), content);
                    } else if (SRC_META.contains(name)) {
                        meta.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(content, StandardCharsets.UTF_8));
                    } else if (name.startsWith("/")) {
                        files.put(stripSlash(name), content);
                    }
                }
            }
        } catch (IOException e) {
            throw new ApiError(400, "Malformed multipart body: " + e.getMessage());
        }
    }

    private static void readUrlEncoded(Req req, Map<String, List<String>> meta, Map<String, byte[]> files) {
        String body = new String(req.body, StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "Malformed form body.");
            }
            if (SRC_META.contains(name)) {
                meta.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                files.put(stripSlash(name), value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code form-data; name="a"; filename="b"} to a map; quoted values unescaped, %22 %0A %0D decoded. */
    static Map<String, String> parseDisposition(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        int i = header.indexOf(';');
        if (i < 0) {
            return out;
        }
        int len = header.length();
        while (i < len) {
            while (i < len && (header.charAt(i) == ';' || Character.isWhitespace(header.charAt(i)))) {
                i++;
            }
            int start = i;
            while (i < len && header.charAt(i) != '=' && header.charAt(i) != ';' && header.charAt(i) != ':') {
                i++;
            }
            String key = header.substring(start, i).trim().toLowerCase(Locale.ROOT);
            String value = "";
            if (i < len && (header.charAt(i) == '=' || header.charAt(i) == ':')) {
                i++;
                if (i < len && header.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (i < len && header.charAt(i) != '"') {
                        char c = header.charAt(i++);
                        if (c == '\\' && i < len) {
                            c = header.charAt(i++);
                        }
                        sb.append(c);
                    }
                    i++;
                    value = sb.toString().replace("%22", "\"").replace("%0A", "\n").replace("%0D", "\r");
                } else {
                    int vs = i;
                    while (i < len && header.charAt(i) != ';') {
                        i++;
                    }
                    value = header.substring(vs, i).trim();
                }
            }
            if (!key.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- handlers: pull requests

    private Resp listPullRequests(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        String q = req.param("q");
        PullRequestQuery query = null;
        Set<String> states = new HashSet<>();
        if (q != null) {
            try {
                query = PullRequestQuery.parse(q);
            } catch (PullRequestQuery.InvalidQueryException e) {
                throw new ApiError(400, "Invalid query: " + e.getMessage()).field("q", e.getMessage());
            }
        } else {
            for (String st : req.query.getOrDefault("state", List.of())) {
                String upper = st.toUpperCase(Locale.ROOT);
                if (!PR_STATES.contains(upper)) {
                    throw new ApiError(400, "Invalid state: " + st);
                }
                states.add(upper);
            }
            if (states.isEmpty()) {
                states.add("OPEN");
            }
        }
        String sort = req.param("sort") == null ? "-id" : req.param("sort");
        Comparator<PullRequestState> order = switch (sort.startsWith("-") ? sort.substring(1) : sort) {
            case "id" -> Comparator.comparingLong(p -> p.id);
            case "updated_on" -> Comparator.<PullRequestState, Instant>comparing(p -> p.updated).thenComparingLong(p -> p.id);
            case "created_on" -> Comparator.<PullRequestState, Instant>comparing(p -> p.created).thenComparingLong(p -> p.id);
            default -> throw new ApiError(400, "Invalid sort field: " + sort).field("sort", "Unsupported sort field.");
        };
        if (sort.startsWith("-")) {
            order = order.reversed();
        }
        List<PullRequestState> matching = new ArrayList<>();
        for (PullRequestState pr : state.pullRequests) {
            boolean keep;
            if (query != null) {
                keep = query.matches(field -> switch (field) {
                    case "source.branch.name" -> pr.source;
                    case "destination.branch.name" -> pr.destination;
                    case "state" -> pr.state;
                    case "title" -> pr.title;
                    case "author.uuid" -> pr.authorUuid;
                    case "id" -> Long.toString(pr.id);
                    default -> null;
                });
            } else {
                keep = states.contains(pr.state);
            }
            if (keep) {
                matching.add(pr);
            }
        }
        matching.sort(order);
        List<JsonNode> values = new ArrayList<>();
        for (PullRequestState pr : matching) {
            values.add(pullRequestJson(state, pr));
        }
        return ok(req, caller, 200, paginate(req, values, 50));
    }

    private Resp getPullRequest(Req req, String workspace, String repo, String idText) {
        Caller caller = authorize(req, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw notFoundEndpoint(req);
        }
        PullRequestState pr = state.pullRequests.stream().filter(p -> p.id == id).findFirst()
                .orElseThrow(() -> new ApiError(404, "Pull request " + idText + " does not exist."));
        return ok(req, caller, 200, pullRequestJson(state, pr));
    }

    private PullRequestState visiblePullRequest(Req req, RepoState state, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw notFoundEndpoint(req);
        }
        return state.pullRequests.stream().filter(p -> p.id == id).findFirst()
                .orElseThrow(() -> new ApiError(404, "Pull request " + idText + " does not exist."));
    }

    // The definition asks read:pullrequest:bitbucket of both task operations (x-atlassian-oauth2-scopes).
    private Resp listTasks(Req req, String workspace, String repo, String idText) {
        Caller caller = authorize(req, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        PullRequestState pr = visiblePullRequest(req, state, idText);
        if (req.param("q") != null || req.param("sort") != null) {
            throw new ApiError(400, "The sandbox does not filter or sort tasks.");
        }
        List<JsonNode> values = new ArrayList<>();
        for (TaskState task : pr.tasks) {
            values.add(taskJson(task));
        }
        return ok(req, caller, 200, paginate(req, values, 100));
    }

    private Resp createTask(Req req, String workspace, String repo, String idText) {
        Caller caller = authorize(req, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        PullRequestState pr = visiblePullRequest(req, state, idText);
        JsonNode body = jsonBody(req);
        JsonNode raw = body.path("content").path("raw");
        if (!raw.isTextual()) {
            throw new ApiError(400, "content: This field is required.").field("content", "This field is required.");
        }
        if (raw.asText().isBlank()) {
            throw new ApiError(400, "Task content cannot be blank.");
        }
        TaskState task = new TaskState(nextTaskId++, raw.asText(), caller.user.uuid, now());
        pr.tasks.add(task);
        Resp resp = ok(req, caller, 201, taskJson(task));
        resp.header("Location", apiUrl + "/repositories/" + segment(state.workspace.slug) + "/" + segment(state.slug)
                + "/pullrequests/" + pr.id + "/tasks/" + task.id);
        return resp;
    }

    private Resp listEffectiveDefaultReviewers(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        List<JsonNode> values = new ArrayList<>();
        state.defaultReviewers.forEach((uuid, level) -> {
            ObjectNode json = NODES.objectNode();
            json.put("type", "default_reviewer");
            json.put("reviewer_type", level);
            ObjectNode user = userJson(users.values().stream().filter(u -> u.uuid.equals(uuid)).findFirst().orElseThrow());
            if (defaultReviewerUuidsInCapitals) {
                user.put("uuid", uuid.toUpperCase(Locale.ROOT));
            }
            json.set("user", user);
            values.add(json);
        });
        return ok(req, caller, 200, paginate(req, values, 100));
    }

    private ObjectNode taskJson(TaskState task) {
        ObjectNode json = NODES.objectNode();
        json.put("id", task.id);
        json.put("created_on", MICROS.format(task.created));
        json.put("updated_on", MICROS.format(task.updated));
        json.put("state", task.state);
        ObjectNode content = json.putObject("content");
        content.put("raw", task.raw);
        content.put("markup", "markdown");
        content.put("html", "<p>" + task.raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
        json.set("creator", userJson(users.values().stream().filter(u -> u.uuid.equals(task.creatorUuid)).findFirst().orElseThrow()));
        json.put("pending", false);
        if (task.resolvedOn != null) {
            json.put("resolved_on", MICROS.format(task.resolvedOn));
        }
        return json;
    }

    private Resp createPullRequest(Req req, String workspace, String repo) {
        Caller caller = authorize(req, SCOPE_WRITE_PULLREQUEST, SCOPE_READ_PULLREQUEST);
        RepoState state = visibleRepo(caller, workspace, repo);
        JsonNode body = jsonBody(req);
        String title = body.path("title").isTextual() ? body.path("title").asText() : null;
        if (title == null || title.isBlank()) {
            throw new ApiError(400, "title: This field is required.").field("title", "This field is required.");
        }
        JsonNode sourceName = body.path("source").path("branch").path("name");
        if (!sourceName.isTextual() || sourceName.asText().isEmpty()) {
            throw new ApiError(400, "source: This field is required.").field("source", "This field is required.");
        }
        String source = sourceName.asText();
        JsonNode destinationName = body.path("destination").path("branch").path("name");
        String destination = destinationName.isTextual() && !destinationName.asText().isEmpty()
                ? destinationName.asText() : state.mainBranch;
        String description = body.path("description").isTextual() ? body.path("description").asText() : "";
        boolean closeSource = body.path("close_source_branch").asBoolean(false);
        if (!state.branches.containsKey(source)) {
            throw new ApiError(400, "source: branch not found: " + source).field("source", "branch not found: " + source);
        }
        if (!state.branches.containsKey(destination)) {
            throw new ApiError(400, "destination: branch not found: " + destination)
                    .field("destination", "branch not found: " + destination);
        }
        List<String> reviewers = new ArrayList<>();
        JsonNode reviewersNode = body.path("reviewers");
        if (!reviewersNode.isMissingNode() && !reviewersNode.isNull()) {
            if (!reviewersNode.isArray()) {
                throw malformedReviewers();
            }
            List<UserState> resolved = new ArrayList<>();
            for (JsonNode r : reviewersNode) {
                UserState user = findReviewer(r);
                if (user == null || !user.active) {
                    throw malformedReviewers();
                }
                if (!resolved.contains(user)) {
                    resolved.add(user);
                }
            }
            List<String> outsiders = new ArrayList<>();
            for (UserState user : resolved) {
                if (user == caller.user) {
                    String msg = user.displayName + " is the author and cannot be included as a reviewer.";
                    throw new ApiError(400, "reviewers: " + msg).field("reviewers", msg);
                }
                if (!isMember(user, state.workspace)) {
                    outsiders.add(user.displayName + " is not a member of this workspace and cannot be added as a reviewer");
                } else {
                    reviewers.add(user.uuid);
                }
            }
            if (!outsiders.isEmpty()) { // Bitbucket names every reviewer outside the workspace in one answer
                String msg = String.join("; ", outsiders);
                throw new ApiError(400, "reviewers: " + msg).field("reviewers", msg);
            }
        }
        for (PullRequestState existing : state.pullRequests) {
            if (existing.state.equals("OPEN") && existing.source.equals(source) && existing.destination.equals(destination)) {
                existing.title = title;
                existing.updated = now();
                return created(req, caller, state, existing);
            }
        }
        String sourceHead = state.branches.get(source);
        String destinationHead = state.branches.get(destination);
        if (isAncestor(state, sourceHead, destinationHead)) {
            throw new ApiError(400, "There are no changes to be pulled");
        }
        PullRequestState pr = new PullRequestState(state.pullRequests.size() + 1L, title, description, source,
                destination, caller.user.uuid, List.copyOf(reviewers), closeSource, now());
        pr.sourceHash = sourceHead;
        pr.destinationHash = destinationHead;
        state.pullRequests.add(pr);
        return created(req, caller, state, pr);
    }

    private Resp created(Req req, Caller caller, RepoState state, PullRequestState pr) {
        Resp resp = ok(req, caller, 201, pullRequestJson(state, pr));
        resp.header("Location", apiUrl + "/repositories/" + segment(state.workspace.slug) + "/" + segment(state.slug)
                + "/pullrequests/" + pr.id);
        return resp;
    }

    private static ApiError malformedReviewers() {
        return new ApiError(400, "reviewers: Malformed reviewers list").field("reviewers", "Malformed reviewers list");
    }

    private UserState findReviewer(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        String uuid = node.path("uuid").isTextual() ? node.path("uuid").asText().trim() : null;
        String accountId = node.path("account_id").isTextual() ? node.path("account_id").asText() : null;
        for (UserState user : users.values()) {
            if (uuid != null && (user.uuid.equalsIgnoreCase(uuid) || user.uuid.equalsIgnoreCase("{" + uuid + "}"))) {
                return user;
            }
            if (uuid == null && accountId != null && user.accountId.equals(accountId)) {
                return user;
            }
        }
        return null;
    }

    /** True when {@code candidate} is {@code head} or one of its ancestors. */
    private static boolean isAncestor(RepoState state, String candidate, String head) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>();
        todo.add(head);
        while (!todo.isEmpty()) {
            String sha = todo.remove(todo.size() - 1);
            if (sha.equals(candidate)) {
                return true;
            }
            if (seen.add(sha)) {
                CommitState c = state.commits.get(sha);
                if (c != null) {
                    todo.addAll(c.parents);
                }
            }
        }
        return false;
    }

    private void refreshHashes(RepoState state, PullRequestState pr) {
        if (pr.state.equals("OPEN")) {
            String source = state.branches.get(pr.source);
            String destination = state.branches.get(pr.destination);
            if (source != null) {
                pr.sourceHash = source;
            }
            if (destination != null) {
                pr.destinationHash = destination;
            }
        }
    }

    // ---------------------------------------------------------------- JSON documents

    private ObjectNode userJson(UserState user) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "user");
        json.put("uuid", user.uuid);
        json.put("account_id", user.accountId);
        json.put("display_name", user.displayName);
        json.put("nickname", user.nickname);
        ObjectNode links = json.putObject("links");
        links.set("self", link(apiUrl + "/users/" + segment(user.uuid)));
        links.set("html", link(WEB + "/" + segment(user.uuid) + "/"));
        links.set("avatar", link(AVATAR));
        return json;
    }

    private ObjectNode workspaceJson(WorkspaceState ws) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "workspace");
        json.put("uuid", ws.uuid);
        json.put("name", ws.name);
        json.put("slug", ws.slug);
        ObjectNode links = json.putObject("links");
        links.set("self", link(apiUrl + "/workspaces/" + segment(ws.slug)));
        links.set("html", link(WEB + "/" + segment(ws.slug) + "/"));
        links.set("avatar", link(AVATAR));
        return json;
    }

    private String repoApi(RepoState repo) {
        return apiUrl + "/repositories/" + segment(repo.workspace.slug) + "/" + segment(repo.slug);
    }

    private String repoWeb(RepoState repo) {
        return WEB + "/" + segment(repo.workspace.slug) + "/" + segment(repo.slug);
    }

    private ObjectNode repositoryMiniJson(RepoState repo) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "repository");
        json.put("full_name", repo.fullName());
        json.put("name", repo.slug);
        json.put("uuid", repo.uuid);
        ObjectNode links = json.putObject("links");
        links.set("self", link(repoApi(repo)));
        links.set("html", link(repoWeb(repo)));
        links.set("avatar", link(AVATAR));
        return json;
    }

    private ObjectNode repositoryJson(RepoState repo) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "repository");
        json.put("uuid", repo.uuid);
        json.put("full_name", repo.fullName());
        json.put("name", repo.slug);
        json.put("slug", repo.slug);
        json.put("description", "");
        json.put("scm", "git");
        json.put("is_private", repo.isPrivate);
        json.put("fork_policy", repo.isPrivate ? "no_public_forks" : "allow_forks");
        json.put("language", "");
        json.put("has_issues", false);
        json.put("has_wiki", false);
        json.put("size", 0);
        json.put("created_on", MICROS.format(repo.created));
        json.put("updated_on", MICROS.format(repo.updated));
        ObjectNode owner = json.putObject("owner");
        owner.put("type", "team");
        owner.put("uuid", repo.workspace.uuid);
        owner.put("display_name", repo.workspace.name);
        owner.put("username", repo.workspace.slug);
        ObjectNode ownerLinks = owner.putObject("links");
        ownerLinks.set("self", link(apiUrl + "/workspaces/" + segment(repo.workspace.slug)));
        ownerLinks.set("html", link(WEB + "/" + segment(repo.workspace.slug) + "/"));
        ownerLinks.set("avatar", link(AVATAR));
        json.set("workspace", workspaceJson(repo.workspace));
        ObjectNode project = json.putObject("project");
        project.put("type", "project");
        project.put("key", "PROJ");
        project.put("uuid", "{" + UUID.nameUUIDFromBytes(repo.workspace.uuid.getBytes(StandardCharsets.UTF_8)) + "}");
        project.put("name", "Default project");
        ObjectNode projectLinks = project.putObject("links");
        projectLinks.set("html", link(WEB + "/" + segment(repo.workspace.slug) + "/workspace/projects/PROJ"));
        projectLinks.set("avatar", link(AVATAR));
        ObjectNode main = json.putObject("mainbranch");
        main.put("type", "branch");
        main.put("name", repo.mainBranch);
        ObjectNode links = json.putObject("links");
        links.set("self", link(repoApi(repo)));
        links.set("html", link(repoWeb(repo)));
        links.set("avatar", link(AVATAR));
        links.set("pullrequests", link(repoApi(repo) + "/pullrequests"));
        links.set("commits", link(repoApi(repo) + "/commits"));
        ArrayNode clone = links.putArray("clone");
        ObjectNode https = clone.addObject();
        https.put("name", "https");
        https.put("href", WEB + "/" + segment(repo.workspace.slug) + "/" + segment(repo.slug) + ".git");
        return json;
    }

    private ObjectNode commitJson(RepoState repo, CommitState c) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "commit");
        json.put("hash", c.sha);
        json.put("date", SECONDS.format(c.date));
        json.put("message", c.message);
        ObjectNode summary = json.putObject("summary");
        summary.put("raw", c.message);
        summary.put("markup", "markdown");
        summary.put("html", "<p>" + escapeHtml(c.message.strip()) + "</p>");
        ObjectNode author = json.putObject("author");
        author.put("type", "author");
        author.put("raw", c.authorRaw);
        if (c.authorUuid != null) {
            for (UserState user : users.values()) {
                if (user.uuid.equals(c.authorUuid)) {
                    author.set("user", userJson(user));
                }
            }
        }
        ArrayNode parents = json.putArray("parents");
        for (String parent : c.parents) {
            ObjectNode p = parents.addObject();
            p.put("type", "commit");
            p.put("hash", parent);
            ObjectNode links = p.putObject("links");
            links.set("self", link(repoApi(repo) + "/commit/" + parent));
            links.set("html", link(repoWeb(repo) + "/commits/" + parent));
        }
        json.set("repository", repositoryMiniJson(repo));
        ObjectNode links = json.putObject("links");
        links.set("self", link(repoApi(repo) + "/commit/" + c.sha));
        links.set("html", link(repoWeb(repo) + "/commits/" + c.sha));
        return json;
    }

    private ObjectNode branchJson(RepoState repo, String name) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "branch");
        json.put("name", name);
        json.set("target", commitJson(repo, repo.commits.get(repo.branches.get(name))));
        ObjectNode links = json.putObject("links");
        links.set("self", link(repoApi(repo) + "/refs/branches/" + segment(name)));
        links.set("commits", link(repoApi(repo) + "/commits/" + segment(name)));
        links.set("html", link(repoWeb(repo) + "/branch/" + segment(name)));
        ArrayNode strategies = json.putArray("merge_strategies");
        strategies.add("merge_commit").add("squash").add("fast_forward");
        json.put("default_merge_strategy", "merge_commit");
        return json;
    }

    private ObjectNode pullRequestJson(RepoState repo, PullRequestState pr) {
        refreshHashes(repo, pr);
        String api = repoApi(repo) + "/pullrequests/" + pr.id;
        ObjectNode json = NODES.objectNode();
        json.put("type", "pullrequest");
        json.put("id", pr.id);
        json.put("title", pr.title);
        json.put("description", pr.description);
        ObjectNode rendered = json.putObject("rendered");
        rendered.set("title", markup(pr.title));
        rendered.set("description", markup(pr.description));
        json.set("summary", markup(pr.description));
        json.put("state", pr.state);
        json.put("draft", false);
        UserState author = userByUuid(pr.authorUuid);
        json.set("author", author == null ? NODES.nullNode() : userJson(author));
        json.set("source", endpointJson(repo, pr.source, pr.sourceHash));
        json.set("destination", endpointJson(repo, pr.destination, pr.destinationHash));
        if (pr.mergeCommit == null) {
            json.putNull("merge_commit");
        } else {
            json.putObject("merge_commit").put("hash", pr.mergeCommit.substring(0, 12));
        }
        json.put("comment_count", 0);
        json.put("task_count", 0);
        json.put("close_source_branch", pr.closeSourceBranch);
        json.put("reason", "");
        json.put("created_on", MICROS.format(pr.created));
        json.put("updated_on", MICROS.format(pr.updated));
        ArrayNode reviewers = json.putArray("reviewers");
        ArrayNode participants = json.putArray("participants");
        for (String uuid : pr.reviewers) {
            UserState user = userByUuid(uuid);
            if (user == null) {
                continue;
            }
            reviewers.add(userJson(user));
            ObjectNode participant = participants.addObject();
            participant.put("type", "participant");
            participant.set("user", userJson(user));
            participant.put("role", "REVIEWER");
            participant.put("approved", false);
        }
        ObjectNode links = json.putObject("links");
        links.set("self", link(api));
        links.set("html", link(repoWeb(repo) + "/pull-requests/" + pr.id));
        links.set("commits", link(api + "/commits"));
        links.set("approve", link(api + "/approve"));
        links.set("diff", link(api + "/diff"));
        links.set("diffstat", link(api + "/diffstat"));
        links.set("comments", link(api + "/comments"));
        links.set("activity", link(api + "/activity"));
        links.set("merge", link(api + "/merge"));
        links.set("decline", link(api + "/decline"));
        return json;
    }

    private ObjectNode endpointJson(RepoState repo, String branch, String hash) {
        ObjectNode json = NODES.objectNode();
        json.putObject("branch").put("name", branch);
        json.putObject("commit").put("hash", hash == null ? null : hash.substring(0, 12));
        json.set("repository", repositoryMiniJson(repo));
        return json;
    }

    private static ObjectNode markup(String raw) {
        ObjectNode json = NODES.objectNode();
        json.put("raw", raw);
        json.put("markup", "markdown");
        json.put("html", raw.isEmpty() ? "" : "<p>" + escapeHtml(raw) + "</p>");
        return json;
    }

    private static ObjectNode link(String href) {
        ObjectNode json = NODES.objectNode();
        json.put("href", href);
        return json;
    }

    private ObjectNode paginate(Req req, List<JsonNode> all, int maxPagelen) {
        int pagelen = 10;
        int page = 1;
        String pagelenText = req.param("pagelen");
        if (pagelenText != null) {
            try {
                pagelen = Integer.parseInt(pagelenText.trim());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "Invalid pagelen");
            }
            if (pagelen < 1 || pagelen > maxPagelen) {
                throw new ApiError(400, "Invalid pagelen");
            }
        }
        String pageText = req.param("page");
        if (pageText != null) {
            try {
                page = Integer.parseInt(pageText.trim());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "Invalid page");
            }
            if (page < 1) {
                throw new ApiError(400, "Invalid page");
            }
        }
        ObjectNode json = NODES.objectNode();
        ArrayNode values = json.putArray("values");
        long from = (long) (page - 1) * pagelen;
        for (long i = from; i < Math.min(all.size(), from + pagelen); i++) {
            values.add(all.get((int) i));
        }
        json.put("pagelen", pagelen);
        json.put("size", all.size());
        json.put("page", page);
        if (from + pagelen < all.size()) {
            json.put("next", req.url.newBuilder().setQueryParameter("page", Integer.toString(page + 1)).build().toString());
        }
        if (page > 1) {
            json.put("previous", req.url.newBuilder().setQueryParameter("page", Integer.toString(page - 1)).build().toString());
        }
        return json;
    }

    // ---------------------------------------------------------------- responses

    private Resp ok(Req req, Caller caller, int status, JsonNode json) {
        JsonNode body = FieldsFilter.apply(json, req.param("fields"));
        Resp resp = new Resp(status, toBytes(body)).header("Content-Type", "application/json");
        return withScopeHeaders(resp, caller);
    }

    private static Resp withScopeHeaders(Resp resp, Caller caller) {
        if (caller != null) {
            resp.header("X-OAuth-Scopes", String.join(", ", caller.token.scopes));
        }
        return resp;
    }

    private static Resp errorResp(ApiError error) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "error");
        json.set("error", error.error);
        Resp resp = new Resp(error.status, toBytes(json)).header("Content-Type", "application/json");
        for (String[] h : error.headers) {
            resp.header(h[0], h[1]);
        }
        return resp;
    }

    private static byte[] toBytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode jsonBody(Req req) {
        if (req.body.length == 0) {
            throw new ApiError(400, "Bad request: a JSON body is required.");
        }
        try {
            JsonNode node = JSON.readTree(req.body);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "Bad request: the body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "Bad request: malformed JSON body.");
        }
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 429 -> MSG_RATE_LIMIT;
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 555 -> "The request timed out.";
            default -> "Error " + code;
        };
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!instant.isAfter(lastInstant)) {
            instant = lastInstant.plus(1, ChronoUnit.MICROS);
        }
        lastInstant = instant;
        return instant;
    }

    private CommitState newCommit(RepoState repo, List<String> parents, String message, String authorRaw,
            String authorUuid, Map<String, byte[]> tree) {
        String sha;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update((repo.uuid + "\n" + String.join(",", parents) + "\n" + message + "\n" + authorRaw + "\n"
                    + (++commitCounter) + "\n" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            sha = java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CommitState c = new CommitState(sha, List.copyOf(parents), now(), message, authorRaw, authorUuid, tree);
        repo.commits.put(sha, c);
        return c;
    }

    /** A full sha, a unique prefix of at least 7 hex digits, or a branch name. */
    private static CommitState resolveCommit(RepoState repo, String ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        CommitState exact = repo.commits.get(ref);
        if (exact != null) {
            return exact;
        }
        String branchHead = repo.branches.get(ref);
        if (branchHead != null) {
            return repo.commits.get(branchHead);
        }
        if (ref.length() >= 7 && ref.length() < 40 && ref.matches("[0-9a-f]+")) {
            CommitState found = null;
            for (CommitState c : repo.commits.values()) {
                if (c.sha.startsWith(ref)) {
                    if (found != null) {
                        return null; // ambiguous
                    }
                    found = c;
                }
            }
            return found;
        }
        return null;
    }

    static boolean validBranchName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.startsWith("/") || name.endsWith("/")
                || name.startsWith("-") || name.endsWith(".") || name.endsWith(".lock") || name.contains("..")
                || name.contains("//") || name.contains("@{") || name.equals("@") || name.contains("/.")
                || name.startsWith(".")) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private UserState requireUser(String email) {
        UserState user = users.get(email.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new IllegalArgumentException("no such user: " + email);
        }
        return user;
    }

    private UserState userByUuid(String uuid) {
        for (UserState user : users.values()) {
            if (user.uuid.equals(uuid)) {
                return user;
            }
        }
        return null;
    }

    private WorkspaceState requireWorkspace(String slug) {
        WorkspaceState ws = workspaces.get(slug.toLowerCase(Locale.ROOT));
        if (ws == null) {
            throw new IllegalArgumentException("no such workspace: " + slug);
        }
        return ws;
    }

    private RepoState requireRepo(String workspace, String repo) {
        RepoState state = requireWorkspace(workspace).repos.get(repo.toLowerCase(Locale.ROOT));
        if (state == null) {
            throw new IllegalArgumentException("no such repository: " + workspace + "/" + repo);
        }
        return state;
    }

    private static SandboxUser toRecord(UserState user) {
        return new SandboxUser(user.email, user.displayName, user.uuid, user.accountId, user.nickname);
    }

    private String randomString(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    private static String first(Map<String, List<String>> map, String key) {
        List<String> values = map.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            parts.add(segment(part));
        }
        return String.join("/", parts);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            for (byte b : bytes) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Counts accepted TCP connections. */
    private static final class CountingServerSocketFactory extends ServerSocketFactory {
        private final AtomicInteger counter;

        CountingServerSocketFactory(AtomicInteger counter) {
            this.counter = counter;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new CountingServerSocket(counter);
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return socket;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), backlog);
            return socket;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    }

    private static final class CountingServerSocket extends ServerSocket {
        private final AtomicInteger counter;

        CountingServerSocket(AtomicInteger counter) throws IOException {
            this.counter = counter;
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            counter.incrementAndGet();
            // The test server writes headers and body separately; with Nagle's algorithm the body would wait for
            // the client's delayed ACK (about 40 ms on loopback), which is not how a real server answers.
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

}
