package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build, as the use cases see it through {@link RunningBuild}: the developer it runs as and their credentials,
 * other users' accounts for reviewers, its record, a log, and optionally a workspace directory. Not an imitation of
 * Jenkins: it implements the plugin's own port, which the Jenkins side implements with the Credentials API.
 */
public final class TestBuild implements RunningBuild {
    private final KonductroUseCases useCases;
    private final JobKind kind;
    private final InMemoryCredentials credentials;
    public final Map<String, StoredCredential> parameters;
    public final Map<String, ReviewerDirectory.ReviewerAccount> accounts = new HashMap<>();
    public final List<String> tokenReads = new ArrayList<>();
    /** How often the build was saved (with its record). */
    public int saves;
    private final BuildRecord record = new BuildRecord();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8);
    private Path workspace;
    private JobSetting setting = JobSetting.NONE;

    /** @param actingUser the Jenkins user the build runs as; {@code null} for SYSTEM */
    public TestBuild(KonductroOperations operations, JobKind kind, String actingUser) {
        this.useCases = KonductroUseCases.over(operations);
        this.kind = kind;
        this.credentials = new InMemoryCredentials(actingUser);
        this.parameters = credentials.parameters;
    }

    /** A Pipeline build. */
    public TestBuild(KonductroOperations operations, String actingUser) {
        this(operations, JobKind.PIPELINE, actingUser);
    }

    /** The use cases a step of this build runs, over the test's operations. */
    public KonductroUseCases useCases() {
        return useCases;
    }

    /** Adds a personal credential of the acting user. */
    public TestBuild owns(String id, String workspace, String email, String token) {
        credentials.own.add(credential(id, workspace, email, token, credentials.actingUser));
        return this;
    }

    /** A credential a Credentials parameter hands over: whose it is, the build does not know. */
    public StoredCredential parameter(String id, String workspace, String email, String token) {
        return credential(id, workspace, email, token, null);
    }

    /** The build's credential lookups, to set what the acting user may do and read what was recorded on them. */
    public InMemoryCredentials lookups() {
        return credentials;
    }

    private StoredCredential credential(String id, String workspace, String email, String token, String owner) {
        SecretLeakWatch.secret(token);
        return new StoredCredential(id, workspace, email, owner, () -> {
            tokenReads.add(id);
            return token;
        });
    }

    /** The repositories the build's job links ({@code workspace/repo} each). */
    public TestBuild links(String... repositories) {
        setting = new JobSetting(new LinkedRepositories(java.util.Arrays.stream(repositories)
                .map(io.jenkins.plugins.konductro.bitbucket.RepositoryRef::parse).toList()), setting.defaultReviewers());
        return this;
    }

    /** Whether the job's setting asks for the repository's default reviewers. */
    public TestBuild defaultReviewers(boolean asked) {
        setting = new JobSetting(setting.linked(), asked);
        return this;
    }

    public TestBuild inWorkspace(Path directory) {
        this.workspace = directory;
        return this;
    }

    public String log() {
        String text = log.toString(StandardCharsets.UTF_8);
        text.lines().forEach(SecretLeakWatch::recordLine);
        return text;
    }

    @Override
    public JobKind kind() {
        return kind;
    }

    @Override
    public PersonalCredentials credentials() {
        return credentials;
    }

    @Override
    public JobSetting setting() {
        return setting;
    }

    @Override
    public ReviewerDirectory reviewers() {
        return (userId, ws) -> accounts.getOrDefault(userId, ReviewerDirectory.ReviewerAccount.missing("has no credential"));
    }

    @Override
    public BuildRecord record() {
        return record;
    }

    @Override
    public void save() {
        saves++;
    }

    @Override
    public PrintStream console() {
        return console;
    }

    @Override
    public Optional<WorkspaceFiles> workspace() {
        if (workspace == null) {
            return Optional.empty();
        }
        return Optional.of((path, maxBytes) -> {
            try (InputStream in = Files.newInputStream(workspace.resolve(path))) {
                return in.readNBytes(maxBytes);
            }
        });
    }
}
