package dev.scratchnet.server;

/**
 * A request the server refuses: the HTTP status (4xx) and a message that names what was expected
 * and what was given, sent back as {@code {"error": "…"}}.
 */
final class RequestError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
