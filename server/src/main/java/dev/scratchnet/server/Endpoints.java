package dev.scratchnet.server;

import dev.scratchnet.runtime.DigitImage;
import dev.scratchnet.runtime.Model;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the server answers, without the network: a method, a path, a content type and a body in, a
 * {@link Reply} out. Every refusal is a 4xx {@code {"error": "…"}} naming what was expected and
 * what was given; {@link HttpAdapter} turns anything unexpected into a 500 of the same shape.
 * <pre>
 *   GET  /                the drawing page
 *   GET  /health          {"status": "ready"}
 *   GET  /favicon.ico     204 (no icon: the page declares none, browsers ask anyway)
 *   GET  /model           the model's summary ({@link ModelJson})
 *   POST /predict         {"rows": [[…], …]}  →  {"predictions": […]}  ({@link Predictions})
 *   POST /predict-image   a picture  →  {"predictions": [one], "side": S, "input": [S² values]}
 * </pre>
 * Every GET route answers HEAD too, with the same status and headers and no body (Jetty drops it).
 */
final class Endpoints {

    /** Every route, for the message that answers an unknown path. */
    static final String ROUTES = "GET /, GET /health, GET /model, POST /predict, POST /predict-image";

    private final Model model;
    private final ServerOptions options;
    private final Predictions predictions;
    private final byte[] page;
    private final Reply modelJson;

    Endpoints(Model model, ServerOptions options) {
        this.model = model;
        this.options = options;
        this.predictions = new Predictions(model);
        this.page = page();
        this.modelJson = Reply.json(200, ModelJson.of(model, predictions, options));
    }

    /** The answer to {@code method path} with {@code body}; {@code contentType} may be null. */
    Reply answer(String method, String path, String contentType, byte[] body) {
        try {
            return route(method, path, contentType, body);
        } catch (RequestError e) {
            return Reply.error(e.status(), e.getMessage());
        }
    }

    private Reply route(String method, String path, String contentType, byte[] body) {
        return switch (path) {
            case "/", "/index.html" -> only("GET", method, path, () -> Reply.html(page));
            case "/health" -> only("GET", method, path, () -> Reply.json(200, Map.of("status", "ready")));
            case "/model" -> only("GET", method, path, () -> modelJson);
            case "/favicon.ico" -> only("GET", method, path, Reply::noContent);
            case "/predict" -> only("POST", method, path, () -> predict(contentType, body));
            case "/predict-image" -> only("POST", method, path, () -> predictImage(contentType, body));
            default -> Reply.error(404, "no endpoint at " + shortened(path) + "; expected one of " + ROUTES);
        };
    }

    private static Reply only(String allowed, String method, String path, Supplier<Reply> reply) {
        // HEAD is GET without the body: every server must take both (RFC 9110, 9.1)
        boolean takes = allowed.equals(method) || "GET".equals(allowed) && "HEAD".equals(method);
        return takes ? reply.get() : Reply.methodNotAllowed(path, method, allowed, "GET".equals(allowed) ? "GET, HEAD" : allowed);
    }

    private Reply predict(String contentType, byte[] body) {
        requireType("POST /predict", contentType, "application/json");
        List<String> notes = new ArrayList<>();
        float[][] rows = RowsRequest.read(body, model.inputWidth(), options.maxRows(), model,
                new TableNotes(notes::add));
        try {
            Map<String, Object> json = predictions.of(rows);
            if (!notes.isEmpty()) {
                json = new LinkedHashMap<>(json);
                json.put("notes", notes);
            }
            return Reply.json(200, json);
        } catch (IllegalArgumentException e) {
            // the rows are checked above; what is left is an output the inputs overflowed
            throw new RequestError(400, e.getMessage());
        }
    }

    private Reply predictImage(String contentType, byte[] body) {
        requireType("POST /predict-image", contentType, "image/");
        int side = pictureSide(model);
        if (side < 0) {
            throw new RequestError(400, "POST /predict-image needs a model of square pictures (e.g. 64 or 784 inputs), "
                    + "but this model has " + model.inputWidth() + " inputs"
                    + (model.inputNames().isEmpty() ? "" : " named as a table's columns") + "; use POST /predict");
        }
        double[] prepared = Drawing.row(body, side, options.maxPixels());
        float[] row = new float[prepared.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) prepared[i];
        }
        Map<String, Object> json = new LinkedHashMap<>(predictions.of(new float[][] {row}));
        json.put("side", side);
        json.put("input", row);
        return Reply.json(200, json);
    }

    /**
     * The side of the square picture the model takes, or −1: a model whose inputs are a table's
     * columns (it names them) is not a picture, whatever their count.
     */
    static int pictureSide(Model model) {
        return model.inputNames().isEmpty() && model.table().isEmpty() ? DigitImage.side(model.inputWidth()) : -1;
    }

    /** Refuses a body whose type does not start with {@code expected} (parameters such as charset allowed). */
    private static void requireType(String endpoint, String contentType, String expected) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean matches = expected.endsWith("/") ? type.startsWith(expected) : type.equals(expected);
        if (!matches) {
            String wanted = expected.endsWith("/") ? "a picture type such as image/png" : expected;
            throw new RequestError(415, endpoint + " expects Content-Type " + wanted + ", was "
                    + (type.isEmpty() ? "none" : shortened(contentType)));
        }
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static byte[] page() {
        try (InputStream in = Endpoints.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("the drawing page (dev/scratchnet/server/index.html) is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
