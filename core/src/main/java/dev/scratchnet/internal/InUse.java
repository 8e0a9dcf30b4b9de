package dev.scratchnet.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which objects a running {@code fit} holds, by identity, so that a second {@code fit} that would
 * share one (an optimizer, whose per-parameter state is not made for two trainings at once) is
 * refused instead of corrupting it.
 */
public final class InUse {

    private static final Map<Object, Thread> USERS = Collections.synchronizedMap(new IdentityHashMap<>());

    private InUse() {
    }

    /**
     * Marks {@code object} as used by the calling thread.
     *
     * @throws IllegalStateException naming {@code what} and the thread that holds it, when another
     *                               call holds it already
     */
    public static void claim(Object object, String what) {
        Thread current = Thread.currentThread();
        Thread holder = USERS.putIfAbsent(object, current);
        if (holder != null) {
            throw new IllegalStateException(what + " is in use by a fit running on thread \"" + holder.getName()
                    + "\"" + (holder == current ? " (this thread)" : "")
                    + "; give each training running at the same time its own (a fresh Optimizer.sgd(...), adam(...) …)");
        }
    }

    /** Ends the calling thread's use of {@code object}. */
    public static void release(Object object) {
        USERS.remove(object, Thread.currentThread());
    }
}
