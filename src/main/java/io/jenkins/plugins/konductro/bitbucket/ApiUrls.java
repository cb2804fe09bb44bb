package io.jenkins.plugins.konductro.bitbucket;

import java.util.Set;
import okhttp3.HttpUrl;

/** Which API roots the client may send tokens to: Bitbucket Cloud's over https, or this machine (a stand-in in tests). */
final class ApiUrls {
    private static final String CLOUD_API_HOST = "api.bitbucket.org";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private ApiUrls() {}

    static boolean isLoopback(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed != null && LOOPBACK.contains(parsed.host());
    }

    /** {@code url} without a trailing slash; plain http is accepted for loopback addresses only. */
    static HttpUrl checked(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new InvalidInputException(
                    Messages.ApiUrls_notHttp(BitbucketInputs.quoted(url), BitbucketClient.DEFAULT_API_URL));
        }
        if (parsed.username().length() > 0 || parsed.password().length() > 0) {
            throw new InvalidInputException(Messages.ApiUrls_withCredentials());
        }
        boolean loopback = LOOPBACK.contains(parsed.host());
        if (!loopback && !parsed.host().equals(CLOUD_API_HOST)) {
            throw new InvalidInputException(Messages.ApiUrls_notCloud(parsed.host(), BitbucketClient.DEFAULT_API_URL));
        }
        if (!loopback && !parsed.isHttps()) {
            throw new InvalidInputException(Messages.ApiUrls_notHttps());
        }
        String path = parsed.encodedPath();
        return path.endsWith("/") && path.length() > 1
                ? parsed.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build() : parsed;
    }
}
