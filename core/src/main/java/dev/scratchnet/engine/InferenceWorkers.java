package dev.scratchnet.engine;

import dev.scratchnet.internal.ProcessSettings;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The threads that share a large prediction's rows with the thread that asked for it.
 * <p>
 * BLAS stays one-threaded (see {@link ProcessSettings}); instead, a batch big enough to pay for a
 * hand-over is cut into blocks of rows, and the caller and these helpers take blocks until none
 * are left, each running its blocks through the whole network. Helpers sleep while idle, so unlike
 * OpenMP or OpenBLAS threads they cost nothing between predictions. The count, the caller included,
 * is the number of processors unless the system property {@code scratchnet.inferenceThreads} says
 * otherwise (1: the caller alone).
 */
final class InferenceWorkers {

    /** The system property that sets the thread count, the caller included. */
    static final String PROPERTY = "scratchnet.inferenceThreads";

    private static final int THREADS = configuredThreads();

    private InferenceWorkers() {
    }

    /** How many threads, the caller included, share a large prediction. */
    static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code block.accept(b)} for every {@code b} below {@code blocks}, on the calling thread and
     * the helpers, and returns when all have finished; the first failure is thrown here.
     */
    static void forEachBlock(int blocks, IntConsumer block) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(blocks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable takeBlocks = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                try {
                    block.accept(b);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }
        };
        // a helper still queued behind another prediction when the blocks run out finds none and
        // returns at once: the caller waits for finished blocks, never for a helper to start
        for (int i = 0; i < Math.min(THREADS - 1, blocks - 1); i++) {
            Helpers.POOL.execute(takeBlocks);
        }
        takeBlocks.run();
        awaitUninterruptibly(finished);
        WorkerFailure.rethrow(failure.get());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                // the blocks write into the caller's arrays: leaving early would hand out half a result
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int configuredThreads() {
        String requested = System.getProperty(PROPERTY);
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        return ProcessSettings.parseCount(PROPERTY, requested);
    }

    /**
     * The helper threads, started on the first large prediction: daemons (they never keep a JVM alive)
     * that end after a second without work, so none lingers once predictions stop.
     */
    private static final class Helpers {
        private static final AtomicInteger NUMBER = new AtomicInteger();
        static final ExecutorService POOL = idleTimeout(new ThreadPoolExecutor(Math.max(1, THREADS - 1),
                Math.max(1, THREADS - 1), 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(() -> {
                // ND4J's OpenMP team size is a per-thread setting: a new thread starts with one per core
                ProcessSettings.configureThisThread();
                task.run();
            }, "scratchnet-inference-" + NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));

        private static ExecutorService idleTimeout(ThreadPoolExecutor pool) {
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
