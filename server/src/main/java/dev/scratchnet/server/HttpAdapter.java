package dev.scratchnet.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of {@link Endpoints}: reads at most {@code maxBodyBytes} of the body (a larger one is
 * answered 413 before it is read), asks the endpoints, writes the reply. Anything unexpected is
 * logged here with its stack trace and answered {@code 500 {"error": "…"}}, never with the trace.
 */
final class HttpAdapter extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAdapter.class);

    /** What answers a request once its body is read: {@link Endpoints#answer}. */
    @FunctionalInterface
    interface Answers {
        Reply answer(String method, String path, String contentType, byte[] body);
    }

    private final Answers endpoints;
    private final int maxBodyBytes;

    HttpAdapter(Answers endpoints, int maxBodyBytes) {
        // blocking: a prediction is a short computation, and the body is read as a stream
        super(InvocationType.BLOCKING);
        this.endpoints = endpoints;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        Reply reply;
        try {
            byte[] body = "POST".equals(method) ? body(request) : new byte[0];
            reply = endpoints.answer(method, path, request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
        } catch (RequestError e) {
            reply = Reply.error(e.status(), e.getMessage());
        } catch (Exception | Error e) {
            LOG.error("{} {} failed", method, path, e);
            reply = Reply.error(500, "the server failed while answering " + method + " " + path + " ("
                    + e.getClass().getSimpleName() + "); the details are in the server's log");
        }
        send(reply, response, callback);
        return true;
    }

    static void send(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        if (reply.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** The body, refused with 413 when it declares or turns out to hold more than the limit. */
    private byte[] body(Request request) throws IOException {
        int limit = maxBodyBytes;
        long declared = request.getLength();
        if (declared > limit) {
            throw new RequestError(413, "the body has " + declared + " bytes; at most " + limit
                    + " are read (start the server with a higher --max-body-bytes)");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new RequestError(413, "the body holds more than " + limit + " bytes; at most " + limit
                        + " are read (start the server with a higher --max-body-bytes)");
            }
            return body;
        }
    }
}
