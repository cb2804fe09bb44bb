package io.jenkins.plugins.konductro.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's "A complete Jenkinsfile", as a reader copies it. */
final class ReadmeJenkinsfile {
    private ReadmeJenkinsfile() {
    }

    static String complete() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## A complete Jenkinsfile");
        int start = readme.indexOf("```groovy\n", section) + "```groovy\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }
}
