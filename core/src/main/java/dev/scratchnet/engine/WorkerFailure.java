package dev.scratchnet.engine;

/** What a helper thread threw, thrown again on the thread that handed out the work. */
final class WorkerFailure {

    private WorkerFailure() {
    }

    /** Throws {@code failure} as it was (unchecked) or wrapped (checked); does nothing for {@code null}. */
    static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
