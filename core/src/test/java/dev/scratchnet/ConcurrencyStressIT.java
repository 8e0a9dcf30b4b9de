package dev.scratchnet;

/** {@link ConcurrencyTest} with many more calls per thread, so that a rare race has the time to show. */
class ConcurrencyStressIT extends ConcurrencyTest {

    @Override
    int callsPerThread(String engine) {
        return engine.equals("fast") ? 1000 : 100;
    }
}
