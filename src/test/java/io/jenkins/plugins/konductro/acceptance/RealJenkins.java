package io.jenkins.plugins.konductro.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Jenkins, started from a war with a folder of real plugin files and the plugin under test, on 127.0.0.1 with a
 * fresh {@code JENKINS_HOME} that init scripts set up (users, security, CSRF protection, builds run as the user who
 * triggered them). It reaches the Bitbucket sandbox through the plugin's loopback-only testing knob. What it starts it
 * stops, by PID.
 */
final class RealJenkins implements AutoCloseable {
    /** Given as system properties, or as environment variables of the same name in capitals with underscores. */
    static final String WAR = "jenkins.war";
    static final String PLUGINS = "jenkins.plugins";

    private final Path war;
    private final Path home;
    private final Path log;
    private final List<String> systemProperties;
    private final int port;
    private Process process;

    private RealJenkins(Path war, Path home, List<String> systemProperties) {
        this.war = war;
        this.home = home;
        this.log = home.resolveSibling(home.getFileName() + ".log");
        this.systemProperties = systemProperties;
        this.port = freePort();
    }

    /** The war and plugins folder given to this run, when both are. */
    static Optional<Path[]> given() {
        String war = setting(WAR);
        String plugins = setting(PLUGINS);
        if (war == null || plugins == null) {
            return Optional.empty();
        }
        return Optional.of(new Path[] {Path.of(war), Path.of(plugins)});
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Lays out a fresh {@code JENKINS_HOME} under {@code workDir}: the given plugins, the plugin under test ({@code hpi})
     * and the init scripts, then starts Jenkins on it.
     */
    static RealJenkins start(Path war, Path plugins, Path hpi, Path workDir, String bitbucketApiUrl) throws IOException {
        Path home = workDir.resolve("jenkins-home");
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("init.groovy.d"));
        try (Stream<Path> files = Files.list(plugins)) {
            for (Path plugin : files.filter(f -> f.toString().endsWith(".jpi") || f.toString().endsWith(".hpi")).toList()) {
                String name = plugin.getFileName().toString().replaceAll("\\.hpi$", ".jpi");
                Files.copy(plugin, home.resolve("plugins").resolve(name));
            }
        }
        Files.copy(hpi, home.resolve("plugins/konductro.jpi"));
        try (var script = RealJenkins.class.getResourceAsStream("acceptance-setup.groovy")) {
            Files.write(home.resolve("init.groovy.d/acceptance-setup.groovy"), script.readAllBytes());
        }
        RealJenkins jenkins = new RealJenkins(war, home, List.of(
                "-Djenkins.install.runSetupWizard=false",
                "-Dio.jenkins.plugins.konductro.testing.apiUrl=" + bitbucketApiUrl,
                // The README's Jenkinsfile is checked out from a git repository in the suite's work folder.
                "-Dhudson.plugins.git.GitSCM.ALLOW_LOCAL_CHECKOUT=true",
                "-Dhudson.model.UsageStatistics.disabled=true",
                "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true",
                "-Djenkins.model.Jenkins.slaveAgentPort=-1"));
        jenkins.launch();
        return jenkins;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    Path home() {
        return home;
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Stops Jenkins and starts it again on the same home, as an administrator's restart does. */
    void restart() throws IOException {
        restart(() -> {});
    }

    /** The same, doing {@code whileStopped} to its home between the stop and the start. */
    void restart(HomeChange whileStopped) throws IOException {
        stop();
        whileStopped.apply();
        launch();
    }

    @FunctionalInterface
    interface HomeChange {
        void apply() throws IOException;
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", war.toString(), "--httpListenAddress=127.0.0.1", "--httpPort=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JENKINS_HOME", home.toString());
        process = builder.start();
        waitUntilUp(Duration.ofMinutes(4));
    }

    private void waitUntilUp(Duration limit) throws IOException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Jenkins exited with " + process.exitValue() + "; see " + log);
            }
            if (logText().contains("Jenkins is fully up and running") && answers("login")) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("Jenkins did not come up within " + limit + "; see " + log);
    }

    private boolean answers(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + path).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            int code = connection.getResponseCode();
            connection.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        long pid = process.pid();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
