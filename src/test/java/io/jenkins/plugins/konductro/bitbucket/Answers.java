package io.jenkins.plugins.konductro.bitbucket;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Answers made up in memory, for testing the classes that read them without a server. */
final class Answers {
    static final Request GET_USER = new Request.Builder().url("https://api.bitbucket.org/2.0/user").build();

    private Answers() {}

    static Response json(int code, String body) {
        return answer(code, ResponseBody.create(body, MediaType.get("application/json")));
    }

    static Response answer(int code, ResponseBody body) {
        return new Response.Builder().request(GET_USER).protocol(Protocol.HTTP_1_1).code(code).message("").body(body).build();
    }
}
