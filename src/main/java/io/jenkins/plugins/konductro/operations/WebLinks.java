package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import okhttp3.HttpUrl;

/** Pages of a repository on bitbucket.org; each segment of a path is percent-encoded as needed. */
final class WebLinks {
    private WebLinks() {}

    static String branch(RepositoryRef repository, String branch) {
        return page(repository, "branch/" + branch);
    }

    static String file(RepositoryRef repository, String commit, String path) {
        return page(repository, "src/" + commit + "/" + path);
    }

    static String page(RepositoryRef repository, String path) {
        return HttpUrl.get(repository.webUrl()).newBuilder().addPathSegments(path).build().toString();
    }
}
