package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.databind.JavaType;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Lists Bitbucket answers a page at a time. Each page's {@code next} is followed as an opaque URL, but only back to
 * the API the client was built for (same scheme, host and port): the token goes nowhere else.
 */
final class Pages {
    private final HttpUrl apiUrl;
    private final ApiCalls calls;

    Pages(HttpUrl apiUrl, ApiCalls calls) {
        this.apiUrl = apiUrl;
        this.calls = calls;
    }

    /** The values of {@code first} and of every page after it, each turned into what the caller keeps. */
    <V, R> List<R> all(ApiTokenCredential credential, HttpUrl first, Class<V> valueType, Function<V, R> convert)
            throws IOException {
        JavaType pageType = JsonAnswers.pageOf(valueType);
        List<R> all = new ArrayList<>();
        for (HttpUrl url = first; url != null; ) {
            Page<V> page = calls.get(credential, url, pageType);
            page.valuesOrNone().stream().filter(Objects::nonNull).forEach(value -> all.add(convert.apply(value)));
            url = nextPage(apiUrl, page.next());
        }
        return all;
    }

    /** {@code next} as a URL to follow, or null when there is no next page. */
    static HttpUrl nextPage(HttpUrl apiUrl, String next) throws BitbucketException {
        if (next == null) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(next);
        if (url == null || !url.scheme().equals(apiUrl.scheme()) || !url.host().equals(apiUrl.host()) || url.port() != apiUrl.port()) {
            throw new BitbucketException.UnexpectedStatus(200, Messages.Pages_nextOutsideApi(apiUrl.toString()));
        }
        return url;
    }
}
