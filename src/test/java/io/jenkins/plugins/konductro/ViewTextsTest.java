package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The texts of the views as Stapler finds them: a {@code ${%key}} is looked up in the {@code .properties} file beside
 * its view and formatted by {@link MessageFormat}, and shown as written when the file has no such key; so a text with
 * arguments must be in the file, and a text in the file must read right after formatting.
 */
class ViewTextsTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEXT = Pattern.compile("\\$\\{%([^(}]+)(\\()?");

    @Test
    void aTextWithArgumentsIsInThePropertiesBesideItsView() throws Exception {
        for (Path view : files(".jelly")) {
            PropertyResourceBundle texts = textsBeside(view);
            Matcher m = TEXT.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (m.find()) {
                if (m.group(2) != null) {
                    assertTrue(texts != null && texts.containsKey(m.group(1)), view + ": ${%" + m.group(1) + "(…)} has no text");
                }
            }
        }
    }

    @Test
    void everyTextBesideAViewIsUsedByItAndReadsAsWrittenAfterFormatting() throws Exception {
        for (Path view : files(".jelly")) {
            PropertyResourceBundle texts = textsBeside(view);
            if (texts == null) {
                continue;
            }
            String jelly = Files.readString(view, StandardCharsets.UTF_8);
            for (String key : texts.keySet()) {
                assertTrue(jelly.contains("${%" + key + "}") || jelly.contains("${%" + key + "("), view + " does not use " + key);
                String value = texts.getString(key);
                if (!value.contains("{")) {
                    // A lone quote would start a quoted part and vanish: quotes are doubled in these files.
                    assertEquals(value.replace("''", "'"), MessageFormat.format(value, new Object[0]), view + ": " + key);
                }
            }
        }
    }

    @Test
    void theLongCheckboxTextOfTheSettingsReadsWordForWord() throws Exception {
        for (String owner : List.of("KonductroProjectProperty", "KonductroFolderProperty")) {
            Path view = RESOURCES.resolve("io/jenkins/plugins/konductro/project/" + owner + "/config.jelly");
            assertEquals("Add the repository's default reviewers to the pull requests Konductro opens",
                    MessageFormat.format(textsBeside(view).getString("addDefaultReviewers"), new Object[0]), owner);
        }
    }

    private static PropertyResourceBundle textsBeside(Path view) throws Exception {
        Path properties = view.resolveSibling(view.getFileName().toString().replaceFirst("\\.jelly$", ".properties"));
        if (!Files.exists(properties)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(properties)) {
            return new PropertyResourceBundle(in);
        }
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
