package dev.scratchnet.server;

/**
 * Where the server listens and how much one request may ask of it.
 *
 * @param host         the interface to bind: {@code 127.0.0.1} (this machine only, the default) or
 *                     {@code 0.0.0.0} (every interface)
 * @param port         the TCP port, or 0 for any free one
 * @param maxBodyBytes the largest request body read; a larger one is answered 413
 * @param maxRows      the most rows one {@code POST /predict} may send; more are answered 413
 * @param maxPixels    the most pixels a picture sent to {@code POST /predict-image} may declare
 */
public record ServerOptions(String host, int port, int maxBodyBytes, int maxRows, int maxPixels) {

    /** 1 MiB: room for {@link #DEFAULT_MAX_ROWS} rows of 64 numbers written as {@code 0.12345678,} (64 × 11 bytes a row). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Rows per request: enough for batches, small enough that one request cannot hold a thread for long. */
    public static final int DEFAULT_MAX_ROWS = 1000;
    /** 1024 × 1024: the page sends 280 × 280; the grey values of the largest picture take 8 MiB. */
    public static final int DEFAULT_MAX_PIXELS = 1024 * 1024;

    /** Checks every limit, naming the one that is out of range. */
    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must name an interface such as 127.0.0.1, was " + host);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 picks a free one), was " + port);
        }
        requirePositive("maxBodyBytes", maxBodyBytes);
        requirePositive("maxRows", maxRows);
        requirePositive("maxPixels", maxPixels);
    }

    /** The defaults on {@code 127.0.0.1} at {@code port}. */
    public static ServerOptions onPort(int port) {
        return new ServerOptions("127.0.0.1", port, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_PIXELS);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
