package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point inward only: bitbucket ← operations ← usecases ← the Jenkins shells. The core imports no Jenkins type
 * (its Messages classes import only the standalone localizer library) and nothing of an outer layer.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/io/jenkins/plugins/konductro");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)");
    private static final List<String> JENKINS = List.of("hudson.", "jenkins.", "org.kohsuke.", "com.cloudbees.",
            "org.jenkinsci.", "io.jenkins.plugins.okhttp.", "net.sf.json.", "org.springframework.");
    /** Each core layer and the konductro packages it may use. */
    private static final Map<String, List<String>> MAY_USE = Map.of(
            "bitbucket", List.of("bitbucket"),
            "operations", List.of("bitbucket", "operations"),
            "usecases", List.of("bitbucket", "operations", "usecases"));

    @Test
    void theCoreImportsNoJenkinsTypeAndNothingOfAnOuterLayer() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : MAY_USE.entrySet()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(layer.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher imported = IMPORT.matcher(Files.readString(file));
                    while (imported.find()) {
                        String name = imported.group(1);
                        boolean jenkins = JENKINS.stream().anyMatch(name::startsWith);
                        boolean outer = name.startsWith("io.jenkins.plugins.konductro.") && layer.getValue().stream()
                                .noneMatch(allowed -> name.startsWith("io.jenkins.plugins.konductro." + allowed + "."));
                        if (jenkins || outer) {
                            wrong.add(SOURCES.relativize(file) + " imports " + name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRuleSeesAnImportOfAnOuterLayer() {
        Matcher imported = IMPORT.matcher("package x;\n\nimport io.jenkins.plugins.konductro.pages.KonductroBuildAction;\n");
        assertFalse(!imported.find() || MAY_USE.get("usecases").stream()
                .anyMatch(allowed -> imported.group(1).startsWith("io.jenkins.plugins.konductro." + allowed + ".")));
    }
}
