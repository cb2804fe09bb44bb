package io.jenkins.plugins.konductro.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test renderer resolves a view's {@code ${%…}} texts as Stapler does, so the page tests see what Jenkins shows. */
class JellyPageTest {
    private static final String HEADER = "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\">";

    @TempDir
    Path folder;

    private String render(String body, String properties) throws Exception {
        Path view = folder.resolve("view.jelly");
        Files.writeString(view, HEADER + body + "</j:jelly>", StandardCharsets.UTF_8);
        if (properties != null) {
            Files.writeString(folder.resolve("view.properties"), properties, StandardCharsets.ISO_8859_1);
        }
        return JellyPage.render(view.toString(), Map.of("pr", Map.of("id", "12", "title", "KON-42: <b>café</b>")));
    }

    @Test
    void aKeyTheFileHasIsFormattedWithItsArguments() throws Exception {
        assertEquals("<p>Pull request #12 isn't KON-42: &lt;b&gt;café&lt;/b&gt; \u2014 yet</p>",
                render("<p>${%opened(pr.id, pr.title)}</p>", "opened=Pull request #{0} isn''t {1} \\u2014 yet\n"));
    }

    @Test
    void anyOtherKeyIsShownAsWrittenQuotesIncluded() throws Exception {
        assertEquals("<span title=\"the repository's reviewers\">branch</span>",
                render("<span title=\"${%the repository's reviewers}\">${%branch}</span>", "spec=the spec\n"));
        assertEquals("<span>branch</span>", render("<span>${%branch}</span>", null));
    }
}
