package dev.scratchnet.engine;

import dev.scratchnet.internal.ProcessSettings;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The helper threads that share the blocks of a training step with the thread that runs the fit,
 * as {@link InferenceWorkers} shares a large prediction's, but handed work without allocating: a
 * step runs thousands of times a fit and must allocate nothing (see {@link FastPath}).
 * <p>
 * A job is a count of numbered tasks; the caller and up to {@code threads − 1} helpers claim tasks
 * until none is left. Each task writes only its own buffers, so which thread runs which task
 * changes no result, only the time. One job runs at a time: a caller that finds the helpers busy
 * (another fit on another thread) runs all its tasks itself, with the same results. Helpers are
 * daemons (they never keep a JVM alive), started on first use; between jobs they spin for a few
 * microseconds (the gap between two phases of a step) and then sleep until woken. A helper ends when
 * it is interrupted while waiting (as {@code mvn exec:java} does to the threads left after
 * {@code main}) or has waited for {@link #IDLE_NANOS}, so no thread lingers after a fit; the next
 * job starts a new one.
 */
final class TrainingWorkers {

    /** Numbered work: {@code run(t)} for every t below the job's count, each on some thread. */
    interface Tasks {
        void run(int task);
    }

    /** How long a waiting thread spins before it sleeps: covers the caller's work between two jobs of a step. */
    private static final long SPIN_NANOS = 30_000;
    /** How long a helper waits for a job before it ends: far longer than the gaps within a fit. */
    private static final long IDLE_NANOS = 1_000_000_000L;

    private static final TrainingWorkers TEAM = new TrainingWorkers();

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}; grows to the largest count asked for. */
    private Helper[] helpers = new Helper[0];

    /**
     * The job in hand, written after the {@link #cursor} reset and before {@link #generation}
     * announces it; volatile, so that a helper that sees a new count also sees the new cursor.
     */
    private volatile Tasks job;
    private volatile int taskCount;
    private volatile int helpersWanted;
    private volatile Thread caller;
    private volatile Throwable failure;
    /** Bumped for every job; helpers wait for it to change. */
    private volatile int generation;
    /** The job's generation in the high 32 bits, the next unclaimed task in the low: a stale helper cannot claim. */
    private final AtomicLong cursor = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();

    private TrainingWorkers() {
    }

    /**
     * Runs {@code tasks.run(t)} for every {@code t < count} on the calling thread and up to
     * {@code threads − 1} helpers, and returns when all have finished; the first failure is thrown here.
     */
    static void run(int count, int threads, Tasks tasks) {
        TEAM.runJob(count, threads, tasks);
    }

    private void runJob(int count, int threads, Tasks tasks) {
        int wanted = Math.min(threads, count) - 1;
        if (wanted < 1 || !lock.tryLock()) {
            for (int t = 0; t < count; t++) {
                tasks.run(t);
            }
            return;
        }
        try {
            if (helpers.length < wanted) {
                grow(wanted);
            }
            for (int i = 0; i < wanted; i++) {
                if (!helpers[i].thread.isAlive()) {
                    helpers[i] = new Helper(i);
                }
            }
            int next = generation + 1;
            // a helper still looking at the last job now finds its generation gone and claims nothing
            cursor.set((long) next << 32);
            job = tasks;
            taskCount = count;
            helpersWanted = wanted;
            unfinished.set(count);
            failure = null;
            caller = Thread.currentThread();
            generation = next;
            for (int i = 0; i < wanted; i++) {
                LockSupport.unpark(helpers[i].thread);
            }
            work(next, tasks, count);
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (unfinished.get() > 0) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            job = null;
            WorkerFailure.rethrow(failure);
        } finally {
            lock.unlock();
        }
    }

    /** Claims and runs tasks of job {@code jobGeneration} until none is left. */
    private void work(int jobGeneration, Tasks tasks, int count) {
        while (true) {
            long claimed = cursor.get();
            int task = (int) claimed;
            if ((int) (claimed >>> 32) != jobGeneration || task >= count) {
                return;
            }
            if (!cursor.compareAndSet(claimed, claimed + 1)) {
                continue;
            }
            try {
                tasks.run(task);
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            } finally {
                if (unfinished.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    private void grow(int count) {
        Helper[] grown = java.util.Arrays.copyOf(helpers, count);
        for (int i = helpers.length; i < count; i++) {
            grown[i] = new Helper(i);
        }
        helpers = grown;
    }

    /** One helper thread: waits for a job that wants it, works on it, waits again. */
    private final class Helper implements Runnable {

        private final int index;
        private final Thread thread;

        Helper(int index) {
            this.index = index;
            this.thread = new Thread(this, "scratchnet-training-" + (index + 1));
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            // ND4J's OpenMP team size is a per-thread setting: a new thread starts with one per core
            ProcessSettings.configureThisThread();
            int seen = generation;
            while (true) {
                long waitStart = System.nanoTime();
                long spinUntil = waitStart + SPIN_NANOS;
                while (generation == seen) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else if (Thread.interrupted() || System.nanoTime() - waitStart > IDLE_NANOS) {
                        // a job announced meanwhile is done by the caller and the other helpers
                        return;
                    } else {
                        LockSupport.parkNanos(this, IDLE_NANOS);
                    }
                }
                seen = generation;
                // the job's fields were written before the generation that announced it
                Tasks tasks = job;
                int count = taskCount;
                if (index < helpersWanted && tasks != null) {
                    work(seen, tasks, count);
                }
            }
        }
    }
}
