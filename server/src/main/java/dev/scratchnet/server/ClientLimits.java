package dev.scratchnet.server;

import java.time.Duration;

/**
 * How long a client may take: what keeps a slow or silent client from holding the server. A body
 * is read without holding a thread (see {@link BodyReader}), so these bound connections and memory,
 * not threads. The defaults are documented in {@code docs/serving.md}.
 *
 * @param idleTimeout   a connection on which nothing moves for this long is closed
 * @param headerTimeout a request line and headers still arriving after one to two of these close
 *                      their connection (see {@link HeaderDeadline})
 * @param bodyTimeout   the whole request body must arrive within this time of its headers
 * @param minBodyRate   bytes per second the body must average once {@code rateGrace} has passed
 * @param rateGrace     how long a body may take before its rate is checked
 * @param maxThreads    the most threads answering requests; more requests wait in a queue
 */
record ClientLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, long minBodyRate,
        Duration rateGrace, int maxThreads) {

    /** 30 s idle, 10-20 s for a request's head, 20 s per body, at least 1 KiB/s after the first 2 s, 64 threads. */
    static final ClientLimits DEFAULTS = new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(20), 1024,
            Duration.ofSeconds(2), 64);

    ClientLimits {
        for (Duration timeout : new Duration[] {idleTimeout, headerTimeout, bodyTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be > 0, were " + idleTimeout + ", " + headerTimeout
                        + " and " + bodyTimeout);
            }
        }
        if (minBodyRate < 0 || rateGrace.isNegative()) {
            throw new IllegalArgumentException("minBodyRate and rateGrace must be >= 0, were " + minBodyRate + " and " + rateGrace);
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("maxThreads must be >= 8 (Jetty's selectors need some), was " + maxThreads);
        }
    }
}
