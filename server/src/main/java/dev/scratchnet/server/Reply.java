package dev.scratchnet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer: status, content type and body, plus the methods a path allows when the status is 405.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type, or null for none
 * @param body        the bytes sent
 * @param allow       the {@code Allow} header for a 405, or null
 */
record Reply(int status, String contentType, byte[] body, String allow) {

    static final String JSON = "application/json";
    /** One mapper for the server: thread-safe once configured. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code value} as JSON with {@code status}. */
    static Reply json(int status, Object value) {
        try {
            return new Reply(status, JSON, MAPPER.writeValueAsBytes(value), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reply as JSON", e);
        }
    }

    /** {@code {"error": message}} with {@code status}. */
    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** {@code error(405, …)} that names the methods {@code path} takes; {@code allowHeader} lists them all. */
    static Reply methodNotAllowed(String path, String method, String allowed, String allowHeader) {
        Reply reply = error(405, path + " takes " + allowed + ", was " + method);
        return new Reply(405, JSON, reply.body(), allowHeader);
    }

    /** 204 with no body and no content type. */
    static Reply noContent() {
        return new Reply(204, null, new byte[0], null);
    }

    static Reply html(byte[] page) {
        return new Reply(200, "text/html; charset=utf-8", page, null);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
