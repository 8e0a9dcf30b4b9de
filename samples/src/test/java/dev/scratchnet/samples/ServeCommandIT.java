package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./scratchnet serve --port 0} in a child JVM, as the launcher runs it: it prints the address
 * it picked, answers {@code /health} and a prediction there, and stops when the process is ended.
 */
class ServeCommandIT {

    private static final Pattern ADDRESS = Pattern.compile("at (http://\\S+/) \\(Ctrl-C stops\\)");

    @TempDir
    Path dir;

    @Test
    void servesOnTheFreePortItPrints() throws Exception {
        Path model = dir.resolve("model.zip");
        Network.builder().seed(1).input(4).dense(3, Activation.SOFTMAX).build().save(model);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--model", model.toString(), "--port", "0").redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(line, "the server printed nothing");
            Matcher address = ADDRESS.matcher(line);
            assertTrue(address.find(), line);
            URI uri = URI.create(address.group(1));
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> prediction = client.send(HttpRequest.newBuilder(uri.resolve("/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": [[1, 2, 3, 4]]}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode());
            assertEquals(200, prediction.statusCode(), prediction.body());
            assertTrue(prediction.body().matches("\\{\"predictions\":\\[\\{\"index\":[0-2],\"class\":\"[0-2]\",\"probabilities\":\\[.*"),
                    prediction.body());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops when its process is ended");
        }
    }
}
