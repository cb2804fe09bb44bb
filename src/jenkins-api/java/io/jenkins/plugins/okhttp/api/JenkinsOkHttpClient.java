package io.jenkins.plugins.okhttp.api;

import okhttp3.OkHttpClient;

// Compile-only stub (see src/jenkins-api/README.md).
public class JenkinsOkHttpClient {
    private JenkinsOkHttpClient() {
    }

    public static OkHttpClient.Builder newClientBuilder(OkHttpClient httpClient) {
        throw new UnsupportedOperationException("stub");
    }
}
