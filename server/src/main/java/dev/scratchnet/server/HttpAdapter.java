package dev.scratchnet.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of {@link Endpoints}: reads at most {@code maxBodyBytes} of the body without holding a
 * thread while it arrives ({@link BodyReader}; a larger body is answered 413, a slow one 408), asks
 * the endpoints, writes the reply. Anything unexpected is logged here with its stack trace and
 * answered {@code 500 {"error": "…"}}, never with the trace; a client that goes away is one log line.
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
    private ClientLimits limits = ClientLimits.DEFAULTS;

    HttpAdapter(Answers endpoints, int maxBodyBytes) {
        // blocking: a prediction is a short computation; the body itself is read without blocking
        super(InvocationType.BLOCKING);
        this.endpoints = endpoints;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The limits on slow clients; set by {@link PredictionServer} before it starts. */
    void limits(ClientLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!"POST".equals(method)) {
            answer(method, path, contentType, new byte[0], response, callback);
            return true;
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            // not read: the connection is closed after the answer instead
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(Reply.error(413, "the body has " + declared + " bytes; at most " + maxBodyBytes
                    + " are read (start the server with a higher --max-body-bytes)"), response, callback);
            return true;
        }
        new BodyReader(request, maxBodyBytes, limits,
                body -> answer(method, path, contentType, body, response, callback),
                new BodyReader.Refusal() {
                    @Override
                    public void refuse(RequestError error) {
                        // the rest of the body is not read: the connection closes after the answer
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        send(Reply.error(error.status(), error.getMessage()), response, callback);
                    }

                    @Override
                    public void abandoned(Throwable failure) {
                        // Jetty's own failure (a quiet one) so that Jetty logs it no further
                        callback.failed(failure);
                    }
                }).start();
        return true;
    }

    private void answer(String method, String path, String contentType, byte[] body, Response response,
            Callback callback) {
        Reply reply;
        try {
            reply = endpoints.answer(method, path, contentType, body);
        } catch (RequestError e) {
            reply = Reply.error(e.status(), e.getMessage());
        } catch (Exception | Error e) {
            LOG.error("{} {} failed", method, path, e);
            reply = Reply.error(500, "the server failed while answering " + method + " " + path + " ("
                    + e.getClass().getSimpleName() + "); the details are in the server's log");
        }
        send(reply, response, callback);
    }

    static void send(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        if (reply.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        if (reply.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
