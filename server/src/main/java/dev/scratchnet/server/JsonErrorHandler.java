package dev.scratchnet.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty itself gives before a request reaches {@link HttpAdapter} — a request line or
 * headers it cannot parse, headers too large — as {@code {"error": "…"}} instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String reason = message == null || message.isBlank() ? "the request could not be handled" : message;
        HttpAdapter.send(Reply.error(code, "HTTP " + code + ": " + reason), response, callback);
    }
}
