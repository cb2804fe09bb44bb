package io.jenkins.plugins.konductro.bitbucket;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final HttpUrl API = HttpUrl.get("https://api.bitbucket.org/2.0");

    @Test
    void theNextPageOfTheSameApiIsFollowedAsItIs() throws Exception {
        String next = "https://api.bitbucket.org/2.0/repositories/acme?page=2&pagelen=100&fields=values.slug%2Cnext";
        assertEquals(HttpUrl.get(next), Pages.nextPage(API, next));
        assertEquals(HttpUrl.get("https://api.bitbucket.org/elsewhere"), Pages.nextPage(API, "https://api.bitbucket.org/elsewhere"),
                "the path is Bitbucket's to choose");
    }

    @Test
    void thereIsNoNextPageWithoutALink() throws Exception {
        assertNull(Pages.nextPage(API, null));
    }

    @Test
    void aLinkToAnotherHostSchemeOrPortIsNotFollowed() {
        for (String outside : new String[] {"https://evil.example/2.0/repositories/acme?page=2", "http://api.bitbucket.org/2.0/x",
                "https://api.bitbucket.org:8443/2.0/x", "not a url", "/2.0/relative"}) {
            BitbucketException e = expect(BitbucketException.UnexpectedStatus.class, () -> Pages.nextPage(API, outside));
            assertEquals("Bitbucket's next-page link points outside https://api.bitbucket.org/2.0; not followed.", e.getMessage(), outside);
            assertEquals(200, e.status());
        }
    }
}
