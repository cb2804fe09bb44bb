package io.jenkins.plugins.konductro.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed contract is exactly what {@link ContractTrimmer} makes of Atlassian's definition. */
class ContractTrimmerTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SOURCE = PROJECT.resolve("../shared/bitbucket-cloud/swagger.v3.json").normalize();
    private static final Path COMMITTED = PROJECT.resolve("src/test/resources/contract/bitbucket-cloud-used-operations.json");
    private static final Path PROVENANCE = PROJECT.resolve("src/test/resources/contract/PROVENANCE.md");

    private static final Set<String> EXPECTED_OPERATIONS = Set.of(
            "GET /user",
            "GET /user/workspaces/{workspace}/permission",
            "GET /repositories/{workspace}",
            "GET /repositories/{workspace}/{repo_slug}",
            "GET /repositories/{workspace}/{repo_slug}/refs/branches/{name}",
            "POST /repositories/{workspace}/{repo_slug}/refs/branches",
            "GET /repositories/{workspace}/{repo_slug}/src/{commit}/{path}",
            "POST /repositories/{workspace}/{repo_slug}/src",
            "GET /repositories/{workspace}/{repo_slug}/pullrequests",
            "POST /repositories/{workspace}/{repo_slug}/pullrequests",
            "GET /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}",
            "GET /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks",
            "POST /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks",
            "GET /repositories/{workspace}/{repo_slug}/effective-default-reviewers");

    @Test
    void committedContractIsTheTrimOfTheDefinition() throws IOException {
        assumeTrue(Files.isRegularFile(SOURCE), "Atlassian's definition is not at " + SOURCE);
        String regenerated = ContractTrimmer.trim(Files.readString(SOURCE, StandardCharsets.UTF_8));
        assertEquals(regenerated, Files.readString(COMMITTED, StandardCharsets.UTF_8),
                "src/test/resources/contract/bitbucket-cloud-used-operations.json is not what ContractTrimmer makes of "
                        + SOURCE + ": regenerate it (see PROVENANCE.md)");
    }

    @Test
    void provenanceNamesTheDefinitionItWasMadeFrom() throws IOException, NoSuchAlgorithmException {
        assumeTrue(Files.isRegularFile(SOURCE), "Atlassian's definition is not at " + SOURCE);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE)));
        assertTrue(Files.readString(PROVENANCE, StandardCharsets.UTF_8).contains(sha256),
                "PROVENANCE.md does not record the sha256 of " + SOURCE + " (" + sha256 + ")");
    }

    @Test
    void contractHasExactlyTheUsedOperations() throws IOException {
        JsonNode contract = new ObjectMapper().readTree(COMMITTED.toFile());
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertEquals(14, operations.size(), operations.toString());
        assertEquals(new TreeSet<>(EXPECTED_OPERATIONS), operations);
    }

    @Test
    void contractHasNoProseNoExtensionsAndNoSecurity() throws IOException {
        JsonNode contract = new ObjectMapper().readTree(COMMITTED.toFile());
        List<String> found = new ArrayList<>();
        walk(contract, "", found);
        assertEquals(List.of(), found);
        assertFalse(contract.path("components").has("securitySchemes"));
        assertFalse(contract.has("security"));
        assertFalse(contract.has("tags"));
    }

    /** Keyword positions only: names of properties, schemas, responses and media types are data. */
    private static void walk(JsonNode node, String where, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, found);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            boolean emptyResponseDescription = key.equals("description") && where.matches(".*/responses/[^/]+")
                    && value.asText().isEmpty();
            if ((Set.of("description", "summary", "example", "examples", "externalDocs", "tags", "security",
                    "operationId").contains(key) && !emptyResponseDescription) || key.startsWith("x-")) {
                found.add(where + "/" + key);
            }
            if (Set.of("properties", "schemas", "paths", "responses", "content").contains(key) && value.isObject()) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    walk(entry.getValue(), where + "/" + key + "/" + entry.getKey(), found);
                }
            } else if (value.isContainerNode()) {
                walk(value, where + "/" + key, found);
            }
        }
    }
}
