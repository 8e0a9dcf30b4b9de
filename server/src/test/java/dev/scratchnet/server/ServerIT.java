package dev.scratchnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a real socket with a real HTTP client: good requests, then bad ones — each answered
 * 4xx with {@code {"error": …}} and no stack trace — and after them the server still answers.
 */
class ServerIT {

    @TempDir
    static Path folder;

    private static PredictionServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Model model = TestModels.oneLayer(folder, 64, 10, "softmax");
        server = PredictionServer.start(model, new ServerOptions("127.0.0.1", 0, 4096, 20, 400 * 400));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> predict(String json) throws IOException, InterruptedException {
        return send("POST", "/predict", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String row(String value) {
        return "[" + (value + ", ").repeat(63) + value + "]";
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        return Reply.MAPPER.readTree(response.body());
    }

    private static void assertError(int status, String fragment, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        String error = json(response).get("error").asText();
        assertTrue(error.contains(fragment), error);
        assertFalse(response.body().contains("\tat ") || response.body().contains("at dev.scratchnet"), "no stack trace");
    }

    @Test
    void goodRequestsAreAnswered() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, null);
        HttpResponse<String> prediction = predict("{\"rows\": [" + row("0.5") + ", " + row("1") + "]}");
        HttpResponse<String> model = send("GET", "/model", null, null);
        HttpResponse<String> page = send("GET", "/", null, null);
        HttpResponse<String> drawing = send("POST", "/predict-image", "image/png", Pictures.png(Pictures.seven(280)));

        assertEquals(200, health.statusCode());
        assertEquals(2, json(prediction).get("predictions").size());
        assertEquals(10, json(prediction).get("predictions").get(1).get("probabilities").size());
        assertEquals(64, json(model).get("inputWidth").asInt());
        assertTrue(page.body().contains("<canvas id=\"pad\""));
        assertEquals(200, drawing.statusCode(), drawing.body());
        assertEquals(64, json(drawing).get("input").size());
    }

    @Test
    void badRequestsAreAnsweredWithJsonErrorsAndTheServerKeepsServing() throws Exception {
        assertError(413, "the body has 5000 bytes; at most 4096 are read",
                send("POST", "/predict", "application/json", new byte[5000]));
        assertError(413, "at most 20 are taken", predict("{\"rows\": [" + (row("1") + ", ").repeat(20) + row("1") + "]}"));
        assertError(400, "rows[0] has 3 values but the model expects 64", predict("{\"rows\": [[1, 2, 3]]}"));
        assertError(400, "rows[0][0] is NaN", predict("{\"rows\": [" + row("NaN") + "]}"));
        assertError(400, "the body is not JSON", predict("rows: 1"));
        assertError(415, "expects Content-Type application/json, was text/plain",
                send("POST", "/predict", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
        assertError(404, "no endpoint at /nothing", send("GET", "/nothing", null, null));
        assertError(405, "/health takes GET, was DELETE", send("DELETE", "/health", null, null));

        assertEquals(200, predict("{\"rows\": [" + row("0") + "]}").statusCode());
    }

    @Test
    void aBodyLargerThanItsLengthSaysIsCutAtTheLimit() throws Exception {
        // chunked, so no Content-Length to refuse it by: the limit applies while reading
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[10_000])))
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertError(413, "the body holds more than 4096 bytes", response);
    }

    @Test
    void requestsJettyCannotParseAreAnsweredInJson() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("{\"error\":\"HTTP 400: "), answer);
        }
    }

    @Test
    @SuppressWarnings("try") // PredictionServer.close() declares Exception
    void anUnexpectedFailureIsA500WithoutStackTraceAndTheServerGoesOn() throws Exception {
        int[] calls = {0};
        HttpAdapter failing = new HttpAdapter((method, path, type, body) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("a bug");
            }
            return Reply.json(200, java.util.Map.of("status", "ready"));
        }, 1000);
        try (PredictionServer broken = PredictionServer.start(failing, ServerOptions.onPort(0))) {
            URI health = broken.uri().resolve("/health");

            HttpResponse<String> first = CLIENT.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = CLIENT.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());

            assertError(500, "the server failed while answering GET /health (IllegalStateException); the details are in "
                    + "the server's log", first);
            assertFalse(first.body().contains("a bug"));
            assertEquals(200, second.statusCode());
        }
    }
}
