package dev.scratchnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.runtime.Model;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that try to hold the server, over real sockets: uploads that trickle one byte a second,
 * uploads abandoned half-way, and a burst of concurrent requests. Good requests keep being answered.
 */
class SlowClientsIT {

    @TempDir
    static Path folder;

    private static PredictionServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ONE_ROW = "{\"rows\": [[" + "0.5, ".repeat(63) + "0.5]]}";

    @BeforeAll
    static void start() throws Exception {
        Model model = TestModels.oneLayer(folder, 64, 10, "softmax");
        // the default limits, as ./scratchnet serve runs them
        server = PredictionServer.start(model, ServerOptions.onPort(0));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Opens a POST /predict that declares {@code length} bytes and sends none of them yet. */
    private static Socket upload(int length) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.getOutputStream().write(("POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static long healthMillis() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return "no answer within 5 s";
        }
        return line.toString();
    }

    @Test
    void trickledUploadsNeitherStopHealthChecksNorStayForever() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                slow.add(upload(1000));
            }
            long worst = 0;
            // one byte a second on every upload, /health asked four times a second meanwhile
            for (int second = 0; second < 6; second++) {
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write('[');
                    } catch (IOException closedByTheServer) {
                        // expected once the server refuses the upload
                    }
                }
                for (int i = 0; i < 4; i++) {
                    worst = Math.max(worst, healthMillis());
                    Thread.sleep(250);
                }
            }

            assertTrue(worst < 3000, "GET /health took " + worst + " ms beside 250 slow uploads");
            for (Socket socket : slow.subList(0, 10)) {
                assertEquals("HTTP/1.1 408 Request Timeout", statusLine(socket));
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the server's close() may be interrupted; the test method throws it on
    void aRequestHeadSentAByteAtATimeIsCutOffWhileHealthChecksAreAnswered() throws Exception {
        ClientLimits quick = new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(20), 1024,
                Duration.ofSeconds(2), 64);
        try (PredictionServer strict = PredictionServer.start(TestModels.oneLayer(folder, 4, 2, "softmax"),
                ServerOptions.onPort(0), quick)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket socket = new Socket("127.0.0.1", strict.port());
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                int closed = 0;
                for (int tick = 0; tick < 10; tick++) {
                    Thread.sleep(400);
                    closed = 0;
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write('a');
                            socket.setSoTimeout(1);
                            if (socket.getInputStream().read() < 0) {
                                closed++;
                            }
                        } catch (SocketTimeoutException stillOpen) {
                            // nothing to read yet: the server keeps the connection
                        } catch (IOException reset) {
                            closed++;
                        }
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(strict.uri().resolve("/health"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, health.statusCode());
                    assertTrue(System.nanoTime() - start < 3_000_000_000L);
                }

                assertEquals(100, closed, "connections the server closed after 4 s of a trickled head");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aBurstOf300ConcurrentRequestsIsQueuedAndAnswered() throws Exception {
        HttpClient burst = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/predict"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(ONE_ROW)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(burst.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    void anAbandonedUploadIsOneLogLineWithoutStackTrace() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = upload(1000)) {
                    socket.getOutputStream().write("{\"rows\": [[1, ".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(20);
                }
            }
            Thread.sleep(1000);
            assertTrue(healthMillis() < 3000);
        } finally {
            System.setErr(err);
        }

        String text = log.toString(StandardCharsets.UTF_8);
        long lines = text.lines().count();
        assertTrue(lines <= 20, lines + " lines for 20 abandoned uploads:\n" + text);
        assertFalse(text.contains("\tat ") || text.contains("Exception:\n"), text);
        assertTrue(text.isEmpty() || text.contains("the client went away"), text);
    }

    @Test
    void headAnswersLikeGetWithoutABodyAndTheFaviconIsNoContent() throws Exception {
        HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> icon = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals(204, icon.statusCode());
    }

    @Test
    void aBusyPortIsNamed() throws Exception {
        Exception busy = org.junit.jupiter.api.Assertions.assertThrows(java.net.BindException.class,
                () -> PredictionServer.start(TestModels.oneLayer(folder, 4, 2, "softmax"),
                        ServerOptions.onPort(server.port())));
        assertTrue(busy.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port() + ": "), busy.getMessage());
        URI unused = server.uri();
        assertTrue(unused.getPort() > 0);
    }
}
