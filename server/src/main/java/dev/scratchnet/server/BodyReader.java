package dev.scratchnet.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request body without holding a thread while the client is slow: it takes what has
 * arrived, asks Jetty to call it again when more comes ({@link Request#demand}) and returns. A
 * check every second refuses a body that comes slower than {@link ClientLimits#minBodyRate} or not
 * within {@link ClientLimits#bodyTimeout} (408); a body over the limit is refused with 413; a client
 * that goes away is logged as one line. Exactly one of {@code onBody} and {@code onRefusal} runs.
 */
final class BodyReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);

    /** What a refused or abandoned body leads to. */
    interface Refusal {
        /** The body is refused: answer {@code error}'s status and message. */
        void refuse(RequestError error);

        /** The client went away or Jetty failed the read with {@code failure}: nothing can be answered. */
        void abandoned(Throwable failure);
    }

    private final Request request;
    private final int limit;
    private final ClientLimits limits;
    private final Consumer<byte[]> onBody;
    private final Refusal onRefusal;
    private final long started = System.nanoTime();
    /** Set once, by whichever of the reader and the check finishes first. */
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Written only by the reading side, which Jetty never runs twice at once. */
    private byte[] buffer = new byte[1024];
    private volatile int size;
    private volatile Scheduler.Task check;

    BodyReader(Request request, int limit, ClientLimits limits, Consumer<byte[]> onBody, Refusal onRefusal) {
        this.request = request;
        this.limit = limit;
        this.limits = limits;
        this.onBody = onBody;
        this.onRefusal = onRefusal;
    }

    /**
     * Starts reading; returns at once when the body has not all arrived yet. A body that came with
     * its head (most do) is answered without a timer; the check starts only for one still arriving.
     */
    void start() {
        run();
        if (!finished.get()) {
            schedule(Math.max(1, Math.min(limits.rateGrace().toMillis(), limits.bodyTimeout().toMillis())));
        }
    }

    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                abandoned(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            if (n > limit - size) {
                chunk.release();
                refuse(new RequestError(413, "the body holds more than " + limit + " bytes; at most " + limit
                        + " are read (start the server with a higher --max-body-bytes)"), false);
                return;
            }
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(size + n, 2 * buffer.length)));
            }
            bytes.get(buffer, size, n);
            size += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                if (finished.compareAndSet(false, true)) {
                    cancelCheck();
                    onBody.accept(Arrays.copyOf(buffer, size));
                }
                return;
            }
        }
    }

    /**
     * Runs every second until the body is in: refuses a body too slow or too late. (The first run
     * may be scheduled after the body completed, when it arrived just then: it finds it finished.)
     */
    private void check() {
        if (finished.get()) {
            return;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int received = size;
        if (elapsedMillis >= limits.bodyTimeout().toMillis()) {
            refuse(new RequestError(408, "the body did not arrive within " + limits.bodyTimeout().toSeconds()
                    + " s (" + received + " bytes came); send the whole body at once"), true);
        } else if (elapsedMillis >= limits.rateGrace().toMillis()
                && received < limits.minBodyRate() * elapsedMillis / 1000) {
            refuse(new RequestError(408, "the body came at " + received * 1000 / Math.max(1, elapsedMillis)
                    + " bytes/s; at least " + limits.minBodyRate() + " bytes/s are needed"), true);
        } else {
            schedule(1000);
        }
    }

    private void schedule(long millis) {
        check = request.getComponents().getScheduler().schedule(this::check, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelCheck() {
        Scheduler.Task task = check;
        if (task != null) {
            task.cancel();
        }
    }

    private void refuse(RequestError error, boolean slow) {
        if (finished.compareAndSet(false, true)) {
            cancelCheck();
            if (slow) {
                LOG.warn("{} {} from {}: refused with {}: {}", request.getMethod(), request.getHttpURI().getPath(),
                        client(), error.status(), error.getMessage());
            }
            onRefusal.refuse(error);
        }
    }

    /** The client closed the connection or Jetty gave up on it: one line, no stack trace, no answer. */
    private void abandoned(Throwable failure) {
        if (finished.compareAndSet(false, true)) {
            cancelCheck();
            LOG.warn("{} {} from {}: the client went away after {} bytes of the body ({})", request.getMethod(),
                    request.getHttpURI().getPath(), client(), size, reason(failure));
            onRefusal.abandoned(failure);
        }
    }

    private String client() {
        return Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
