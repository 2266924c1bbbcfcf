package io.jenkins.plugins.deploysteps.engine.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a whole response body but keeps only its first {@code limit} bytes: a health endpoint that streams
 * forever or returns a huge page cannot exhaust memory, and the exchange's deadline still ends it.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {
    /** The kept bytes and how many there were in all. */
    record Bytes(byte[] kept, long total) {}

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private long total;

    CappedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int n = b.remaining();
            total += n;
            int room = limit - kept.size();
            if (room > 0) {
                byte[] chunk = new byte[Math.min(room, n)];
                b.get(chunk);
                kept.write(chunk, 0, chunk.length);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(kept.toByteArray(), total));
    }
}
