package io.jenkins.plugins.konductro.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding a reviewer's account reads their recorded user property and nothing else. {@code User} is a compile-only
 * stub here, so this reads what the compiled class refers to: it names no credentials lookup and no impersonation.
 */
class ReviewerLookupTest {

    @Test
    void theReviewerDirectoryReadsNoCredentialStoreAndImpersonatesNobody() throws IOException {
        String references;
        try (InputStream in = UserReviewerDirectory.class.getResourceAsStream("UserReviewerDirectory.class")) {
            references = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String forbidden : new String[] {"CredentialsProvider", "impersonate", "lookupCredentials", "getApiToken"}) {
            assertFalse(references.contains(forbidden), "UserReviewerDirectory refers to " + forbidden);
        }
        assertTrue(references.contains("BitbucketAccountsProperty"), "it reads the recorded property");
    }

    @Test
    void noMainSourceImpersonatesAUser() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertFalse(Files.readString(source).contains("impersonate"), source + " impersonates a user");
            }
        }
    }
}
