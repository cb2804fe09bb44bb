package io.jenkins.plugins.konductro.steps;

import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.credentials.InMemoryCredentials;
import io.jenkins.plugins.konductro.credentials.PersonalCredentials;
import io.jenkins.plugins.konductro.credentials.PersonalToken;
import io.jenkins.plugins.konductro.credentials.ReviewerDirectory;
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

/**
 * One build, as a step sees it through {@link StepEnvironment}: the developer it runs as and their credentials,
 * other users' accounts for reviewers, a log, and optionally a workspace directory. Not an imitation of Jenkins:
 * it implements the plugin's own seam, which the Jenkins side implements with the Credentials API.
 */
final class TestBuild implements StepEnvironment {
    private final KonductroOperations operations;
    private final InMemoryCredentials credentials;
    final Map<String, PersonalToken> parameters;
    final Map<String, ReviewerDirectory.ReviewerAccount> accounts = new HashMap<>();
    final List<String> tokenReads = new ArrayList<>();
    private final RememberedBranches branches = new RememberedBranches();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8);
    private Path workspace;

    /** @param actingUser the Jenkins user the build runs as; {@code null} for SYSTEM */
    TestBuild(KonductroOperations operations, String actingUser) {
        this.operations = operations;
        this.credentials = new InMemoryCredentials(actingUser);
        this.parameters = credentials.parameters;
    }

    /** Adds a personal credential of the acting user. */
    TestBuild owns(String id, String workspace, String email, String token, String accountUuid, String displayName) {
        credentials.own.add(token(id, workspace, email, token, accountUuid, displayName));
        return this;
    }

    PersonalToken token(String id, String workspace, String email, String token, String accountUuid, String displayName) {
        SecretLeakWatch.secret(token);
        return new PersonalToken(id, workspace, email, accountUuid, displayName, () -> {
            tokenReads.add(id);
            return token;
        });
    }

    TestBuild inWorkspace(Path directory) {
        this.workspace = directory;
        return this;
    }

    String log() {
        String text = log.toString(StandardCharsets.UTF_8);
        text.lines().forEach(SecretLeakWatch::recordLine);
        return text;
    }

    @Override
    public KonductroOperations operations() {
        return operations;
    }

    @Override
    public PersonalCredentials credentials() {
        return credentials;
    }

    @Override
    public ReviewerDirectory reviewers() {
        return (userId, ws) -> accounts.getOrDefault(userId, ReviewerDirectory.ReviewerAccount.missing("has no credential"));
    }

    @Override
    public BranchMemory branches() {
        return branches;
    }

    @Override
    public PrintStream console() {
        return console;
    }

    @Override
    public WorkspaceFiles workspace() {
        if (workspace == null) {
            return null;
        }
        return (path, maxBytes) -> {
            try (InputStream in = Files.newInputStream(workspace.resolve(path))) {
                return in.readNBytes(maxBytes);
            }
        };
    }
}
