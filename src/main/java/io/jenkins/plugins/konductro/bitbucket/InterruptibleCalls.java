package io.jenkins.plugins.konductro.bitbucket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs each call so that interrupting the waiting thread (an aborted build) cancels it at once; a blocking
 * {@code execute()} would sit out the read timeout. The calls run on daemon threads, so an idle client never keeps
 * a JVM alive.
 */
final class InterruptibleCalls {
    private final OkHttpClient http;

    /**
     * Derives from {@code base} (or a new client), sharing its connection pool and proxy settings. Automatic retries
     * are off: they could re-send a POST that Bitbucket already processed; {@link RetryingSender} decides what is safe
     * to repeat.
     */
    InterruptibleCalls(OkHttpClient base, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this.http = (base == null ? new OkHttpClient() : base).newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .dispatcher(daemonDispatcher())
                .build();
    }

    /** Sends {@code request} once; {@code call} names it in the message of an interruption. */
    Response execute(Request request, String call) throws IOException {
        Call pending = http.newCall(request);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        pending.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                if (!answer.complete(response)) {
                    response.close();
                }
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            pending.cancel();
            answer.cancel(false);
            answer.thenAccept(Response::close); // an answer that arrived meanwhile is released
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(Messages.InterruptibleCalls_interruptedDuring(call));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** More parallel calls per host than okhttp's 5. */
    private static Dispatcher daemonDispatcher() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "konductro-bitbucket-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(32);
        return dispatcher;
    }
}
