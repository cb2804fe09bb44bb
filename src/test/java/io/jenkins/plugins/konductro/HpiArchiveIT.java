package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens the built target/konductro.hpi (after {@code package}) and checks it is laid out as Jenkins loads plugins. */
class HpiArchiveIT {
    private static final String INNER_JAR = "WEB-INF/lib/konductro.jar";
    private static final Map<String, String> DEPENDENCIES = Map.of(
            "credentials", "1453.v9b_a_29777a_b_fd",
            "workflow-step-api", "710.v3e456cc85233",
            "okhttp-api", "5.3.2-200.vedb_720a_cf1f8",
            "jackson2-api", "2.21.2-436.v29efdb_7418ff",
            "cloudbees-folder", "6.1026.ve06dfa_cf31c3");

    private static Path hpi;
    private static Path innerJar;

    @BeforeAll
    static void extractThePluginJar() throws IOException {
        hpi = Path.of(System.getProperty("konductro.hpi", "target/konductro.hpi"));
        assertTrue(Files.isRegularFile(hpi), hpi + " was not built");
        innerJar = Files.createTempFile("konductro", ".jar");
        innerJar.toFile().deleteOnExit();
        try (JarFile archive = new JarFile(hpi.toFile())) {
            JarEntry entry = archive.getJarEntry(INNER_JAR);
            assertNotNull(entry, "no " + INNER_JAR);
            try (InputStream in = archive.getInputStream(entry)) {
                Files.copy(in, innerJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void theArchiveHoldsOnlyThePluginJarUnderThePluginManifest() throws IOException {
        try (JarFile archive = new JarFile(hpi.toFile())) {
            List<String> files = archive.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", INNER_JAR), files.stream().sorted().toList());
            assertPluginManifest(archive.getManifest().getMainAttributes());
        }
    }

    @Test
    void thePluginJarCarriesTheSameManifest() throws IOException {
        try (JarFile archive = new JarFile(hpi.toFile()); JarFile jar = new JarFile(innerJar.toFile())) {
            Attributes inner = jar.getManifest().getMainAttributes();
            assertPluginManifest(inner);
            for (String name : List.of("Short-Name", "Long-Name", "Plugin-Version", "Jenkins-Version", "Plugin-Dependencies")) {
                assertEquals(archive.getManifest().getMainAttributes().getValue(name), inner.getValue(name), name);
            }
        }
    }

    @Test
    void thePluginJarHoldsOnlyThisPluginsClassesAndItsViews() throws IOException {
        List<String> names = innerEntries();
        List<String> foreign = names.stream()
                .filter(n -> n.endsWith(".class") && !n.startsWith("io/jenkins/plugins/konductro/"))
                .toList();
        assertEquals(List.of(), foreign, "stub, okhttp, okio, Kotlin or Jackson classes must not ship");
        assertFalse(names.stream().anyMatch(n -> n.endsWith(".jar")), "no bundled jars");
        assertTrue(names.contains("index.jelly"), "index.jelly at the jar's root");
        Path resources = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = resources.relativize(file).toString().replace('\\', '/');
                assertTrue(names.contains(name), name + " is missing from the plugin jar");
            }
        }
        assertTrue(names.contains("io/jenkins/plugins/konductro/steps/StartBranchStep.class"));
        List<String> stale = names.stream()
                .filter(n -> !n.endsWith("/") && !n.endsWith(".class") && !n.startsWith("META-INF/"))
                .filter(n -> !Files.exists(resources.resolve(n)))
                .toList();
        assertEquals(List.of(), stale, "files in the jar that no source has (left over in target/classes?)");
    }

    @Test
    void theExtensionIndexListsEveryExtensionAsSezPozWroteIt() throws IOException {
        assertTrue(innerEntries().contains("META-INF/annotations/hudson.Extension"));
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {innerJar.toUri().toURL()}, null)) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, jarOnly)) {
                indexed.add(item.className());
            }
        }
        Set<String> annotated = annotatedClasses(Extension.class);
        assertTrue(annotated.size() >= 5, "the credential type and four steps: " + annotated);
        assertEquals(annotated, indexed);
    }

    @Test
    void theSymbolIndexListsEverySymbolClassByBinaryName() throws IOException {
        String index;
        try (JarFile jar = new JarFile(innerJar.toFile())) {
            JarEntry entry = jar.getJarEntry("META-INF/annotations/org.jenkinsci.Symbol");
            assertNotNull(entry, "no META-INF/annotations/org.jenkinsci.Symbol");
            try (InputStream in = jar.getInputStream(entry)) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Set<String> annotated = annotatedClasses(Symbol.class);
        assertTrue(annotated.contains("io.jenkins.plugins.konductro.credentials.impl.BitbucketApiTokenCredentialsImpl$DescriptorImpl"),
                annotated.toString());
        assertEquals(annotated, new TreeSet<>(index.lines().toList()));
    }

    private static void assertPluginManifest(Attributes manifest) {
        assertEquals("konductro", manifest.getValue("Short-Name"));
        assertEquals("Konductro", manifest.getValue("Long-Name"));
        assertEquals("2.479.3", manifest.getValue("Jenkins-Version"));
        assertNotNull(manifest.getValue("Plugin-Version"));
        assertNotNull(manifest.getValue("Url"));
        assertEquals("io.jenkins.plugins", manifest.getValue("Group-Id"));
        assertEquals("konductro", manifest.getValue("Artifact-Id"));
        assertNotNull(manifest.getValue("Plugin-Developers"));
        // What the Jenkins project's hosting asks of a plugin: its licence, source and version.
        assertEquals("MIT License", manifest.getValue("Plugin-License-Name"));
        assertEquals("https://opensource.org/licenses/MIT", manifest.getValue("Plugin-License-Url"));
        assertEquals("https://github.com/jenkinsci/konductro-plugin", manifest.getValue("Plugin-ScmUrl"));
        assertEquals(manifest.getValue("Plugin-Version"), manifest.getValue("Implementation-Version"));
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String dependency : manifest.getValue("Plugin-Dependencies").split(",")) {
            String[] idAndVersion = dependency.split(":", 2);
            dependencies.put(idAndVersion[0], idAndVersion[1]);
        }
        assertEquals(DEPENDENCIES, dependencies, "required (not optional) dependencies at the baseline versions");
    }

    private static List<String> innerEntries() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(innerJar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Binary names of the plugin's classes that carry {@code annotation} on the class or on a member. */
    private static Set<String> annotatedClasses(Class<? extends java.lang.annotation.Annotation> annotation) throws IOException {
        Set<String> annotated = new TreeSet<>();
        for (String name : innerEntries()) {
            if (!name.endsWith(".class")) {
                continue;
            }
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(className, false, HpiArchiveIT.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + className, e);
            }
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            elements.addAll(Arrays.asList(type.getDeclaredFields()));
            elements.addAll(Arrays.asList(type.getDeclaredMethods()));
            if (elements.stream().anyMatch(e -> e.isAnnotationPresent(annotation))) {
                annotated.add(className);
            }
        }
        return annotated;
    }

}
