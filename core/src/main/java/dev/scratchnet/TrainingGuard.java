package dev.scratchnet;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One network's "someone is training me" flag: {@link Network#fit} and {@link Network#gradients}
 * change the weights, gradient buffers and caches, so a second such call while one runs, from
 * another thread or from a listener inside {@code fit}, is refused rather than let the two
 * corrupt each other.
 */
final class TrainingGuard {

    /** The thread inside {@code fit} or {@code gradients}, or null when none is. */
    private final AtomicReference<Thread> trainer = new AtomicReference<>();

    /**
     * Marks the calling thread as the one changing the network.
     *
     * @throws IllegalStateException naming {@code call} and the thread already inside, when one is
     */
    void claim(String call) {
        Thread current = Thread.currentThread();
        if (trainer.compareAndSet(null, current)) {
            return;
        }
        Thread holder = trainer.get();
        if (holder == current) {
            throw new IllegalStateException(call + " was called on a network that this thread is already training "
                    + "(from a listener?); a network runs one fit or gradients call at a time");
        }
        throw new IllegalStateException(call + " was called while thread \""
                + (holder != null ? holder.getName() : "another") + "\" is running fit or gradients on this "
                + "network; a network runs one fit or gradients call at a time (use one network per thread)");
    }

    /** Ends the calling thread's claim; called in a {@code finally} after {@link #claim}. */
    void release() {
        trainer.set(null);
    }

    /** Runs {@code work} under a claim for {@code call}, released however the work ends. */
    <T> T run(String call, Supplier<T> work) {
        claim(call);
        try {
            return work.get();
        } finally {
            release();
        }
    }
}
