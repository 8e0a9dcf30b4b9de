package dev.scratchnet;


import java.util.function.Supplier;

/**
 * Runs test code with the fast path or the readable reference path chosen. Prefer {@link #backend}
 * in a network's builder: {@link #with} sets a system property every network built meanwhile in the
 * JVM sees, so a class that uses it must run alone ({@code @Isolated}).
 */
final class Engines {

    private Engines() {
    }

    /** The backend an engine's name ("fast" or "reference") names, for {@code Network.Builder.backend}. */
    static Backend backend(String engine) {
        return Backend.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
    }

    /** Runs {@code body} with {@code scratchnet.engine} set to {@code engine} ("fast" or "reference"). */
    static <T> T with(String engine, Supplier<T> body) {
        String previous = System.getProperty(Backend.PROPERTY);
        System.setProperty(Backend.PROPERTY, engine);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                System.clearProperty(Backend.PROPERTY);
            } else {
                System.setProperty(Backend.PROPERTY, previous);
            }
        }
    }

    static void run(String engine, Runnable body) {
        with(engine, () -> {
            body.run();
            return null;
        });
    }
}
