package dev.scratchnet.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scratchnet.runtime.DigitImage;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoints without a socket: good requests answered as the README shows, bad ones 4xx naming what was wrong. */
class EndpointsTest {

    @TempDir
    static Path folder;

    private static Model irisLike;
    private static Endpoints classifier;

    @BeforeAll
    static void models() {
        irisLike = TestModels.oneLayer(folder, 4, 3, "softmax", "setosa", "versicolor", "virginica");
        classifier = new Endpoints(irisLike, options(1000, 100_000));
    }

    private static ServerOptions options(int maxRows, int maxPixels) {
        return new ServerOptions("127.0.0.1", 0, ServerOptions.DEFAULT_MAX_BODY_BYTES, maxRows, maxPixels);
    }

    private static Reply post(Endpoints endpoints, String path, String body) {
        return endpoints.answer("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(Reply reply) throws IOException {
        assertEquals(Reply.JSON, reply.contentType());
        return Reply.MAPPER.readTree(reply.body());
    }

    @Test
    void classifierAnswersClassNamesAndProbabilitiesPerRow() throws IOException {
        float[][] rows = {{1, 2, 3, 4}, {-1, 0.5f, 2, 0}};

        Reply reply = post(classifier, "/predict", "{\"rows\": [[1, 2, 3, 4], [-1, 0.5, 2, 0]]}");

        assertEquals(200, reply.status());
        JsonNode predictions = json(reply).get("predictions");
        assertEquals(2, predictions.size());
        for (int r = 0; r < rows.length; r++) {
            float[] expected = irisLike.predict(rows[r]);
            JsonNode prediction = predictions.get(r);
            int index = irisLike.predictClass(rows[r]);
            assertEquals(index, prediction.get("index").asInt());
            assertEquals(irisLike.classNames().get(index), prediction.get("class").asText());
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], prediction.get("probabilities").get(c).floatValue(), 1e-7);
            }
        }
    }

    @Test
    void aTableModelTakesRowsByColumnNameAndListsItsColumns() throws IOException {
        Model table = TestModels.table(folder);
        Endpoints endpoints = new Endpoints(table, options(1000, 100_000));

        Reply reply = post(endpoints, "/predict", "{\"rows\": [{\"island\": \"Torgersen\", \"length\": 41.5}, "
                + "{\"island\": null, \"length\": \"NA\", \"other\": true}, [0, 0, 1, 41.5]]}");

        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        JsonNode answer = json(reply);
        float[] expected = table.predict(new float[] {0, 0, 1, 41.5f});
        JsonNode predictions = answer.get("predictions");
        assertEquals(expected[0], predictions.get(0).get("probabilities").get(0).floatValue(), 1e-7);
        assertEquals(expected[0], predictions.get(2).get("probabilities").get(0).floatValue(), 1e-7);
        float[] filled = table.predict(new float[] {0, 1, 0, 40});
        assertEquals(filled[0], predictions.get(1).get("probabilities").get(0).floatValue(), 1e-7);
        assertEquals(2, answer.get("notes").size(), answer.toString());

        JsonNode model = json(endpoints.answer("GET", "/model", null, new byte[0]));
        assertEquals("text", model.get("columns").get(0).get("kind").asText());
        assertEquals("Biscoe", model.get("columns").get(0).get("categories").get(0).asText());
        assertTrue(model.get("image").isNull(), model.toString());

        Reply absent = post(endpoints, "/predict", "{\"rows\": [{\"island\": \"Dream\"}]}");
        assertEquals(400, absent.status());
        assertTrue(json(absent).get("error").asText().contains("\"length\""), json(absent).toString());
    }

    @Test
    void aModelWithInputNamesIsNotAPictureWhateverItsWidth() {
        // 4 inputs would make a 2×2 picture, but they are a table's columns
        Model named = TestModels.table(folder);
        Reply reply = new Endpoints(named, options(1000, 100_000)).answer("POST", "/predict-image", "image/png",
                Pictures.png(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB)));
        assertEquals(400, reply.status());
    }

    @Test
    void classesWithoutNamesAreTheirIndexAsText() throws IOException {
        Endpoints unnamed = new Endpoints(TestModels.oneLayer(folder, 2, 3, "softmax"), options(10, 10));

        JsonNode prediction = json(post(unnamed, "/predict", "{\"rows\": [[0.5, 2]]}")).get("predictions").get(0);

        assertEquals(String.valueOf(prediction.get("index").asInt()), prediction.get("class").asText());
    }

    @Test
    void oneSigmoidOutputStandsForClassesZeroAndOne() throws IOException {
        Model binary = TestModels.oneLayer(folder, 2, 1, "sigmoid");
        float p = binary.predict(new float[] {3, 1})[0];

        JsonNode prediction = json(post(new Endpoints(binary, options(10, 10)), "/predict", "{\"rows\": [[3, 1]]}"))
                .get("predictions").get(0);

        assertEquals(p >= 0.5f ? 1 : 0, prediction.get("index").asInt());
        assertEquals(1 - p, prediction.get("probabilities").get(0).floatValue(), 1e-7);
        assertEquals(p, prediction.get("probabilities").get(1).floatValue(), 1e-7);
    }

    @Test
    void regressionAnswersOutputs() throws IOException {
        Model regression = TestModels.oneLayer(folder, 3, 2, "identity");

        JsonNode prediction = json(post(new Endpoints(regression, options(10, 10)), "/predict",
                "{\"rows\": [[1, 2, 3]]}")).get("predictions").get(0);

        assertFalse(prediction.has("class"));
        float[] expected = regression.predict(new float[] {1, 2, 3});
        assertEquals(expected[0], prediction.get("outputs").get(0).floatValue(), 1e-7);
        assertEquals(expected[1], prediction.get("outputs").get(1).floatValue(), 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON               | {rows: [[1, 2, 3, 4]]}                  | 400 | the body is not JSON",
        "empty body             |                                         | 400 | the body is empty",
        "an array, not object   | [[1, 2, 3, 4]]                          | 400 | expected a JSON object {\"rows\"",
        "no rows                | {\"row\": [[1, 2, 3, 4]]}               | 400 | unknown field \"row\"",
        "rows not an array      | {\"rows\": \"1,2,3,4\"}                 | 400 | was the string \"1,2,3,4\"",
        "no row at all          | {\"rows\": []}                          | 400 | \"rows\" is empty; expected 1 to 1000 rows of 4 numbers",
        "row not an array       | {\"rows\": [{\"a\": 1}]}                | 400 | rows[0] must be an array of 4 numbers, was an object",
        "wrong width            | {\"rows\": [[1, 2, 3, 4], [1, 2, 3]]}   | 400 | rows[1] has 3 values but the model expects 4",
        "NaN                    | {\"rows\": [[1, NaN, 3, 4]]}            | 400 | rows[0][1] is NaN; the model predicts from finite numbers only",
        "Infinity               | {\"rows\": [[1, 2, -Infinity, 4]]}      | 400 | rows[0][2] is -Infinity",
        "beyond float32         | {\"rows\": [[1, 2, 3, 1e39]]}           | 400 | rows[0][3] is 1.0E39, beyond float32's range",
        "a string for a number  | {\"rows\": [[1, \"2\", 3, 4]]}          | 400 | rows[0][1] is the string \"2\"; expected a number",
        "null for a number      | {\"rows\": [[1, 2, null, 4]]}           | 400 | rows[0][2] is null; expected a number",
        "text after the value   | {\"rows\": [[1, 2, 3, 4]]} x            | 400 | the body is not JSON",
        "a key twice            | {\"rows\": [[1, 2, 3, 4]], \"rows\": 1} | 400 | the body is not JSON (Duplicate field 'rows'",
    })
    void badBodiesAreRefusedNamingWhatWasWrong(String what, String body, int status, String message) throws IOException {
        Reply reply = post(classifier, "/predict", body == null ? "" : body);

        JsonNode json = json(reply);
        assertAll(what,
                () -> assertEquals(status, reply.status()),
                () -> assertTrue(json.get("error").asText().contains(message), json.get("error").asText()),
                () -> assertEquals(1, json.size(), "only \"error\""));
    }

    @Test
    void tooManyRowsAreRefusedWith413() throws IOException {
        Endpoints small = new Endpoints(irisLike, options(2, 10));

        Reply reply = post(small, "/predict", "{\"rows\": [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]}");

        assertEquals(413, reply.status());
        assertTrue(json(reply).get("error").asText().startsWith("\"rows\" holds 3 rows; at most 2 are taken per request"));
    }

    @Test
    void wrongContentTypeIsRefusedWith415() throws IOException {
        Reply form = classifier.answer("POST", "/predict", "application/x-www-form-urlencoded", "rows=1".getBytes());
        Reply none = classifier.answer("POST", "/predict", null, "{}".getBytes());
        Reply charset = classifier.answer("POST", "/predict", "application/json; charset=utf-8",
                "{\"rows\": [[1, 2, 3, 4]]}".getBytes(StandardCharsets.UTF_8));

        assertEquals(415, form.status());
        assertEquals("POST /predict expects Content-Type application/json, was application/x-www-form-urlencoded",
                json(form).get("error").asText());
        assertEquals("POST /predict expects Content-Type application/json, was none", json(none).get("error").asText());
        assertEquals(200, charset.status());
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws IOException {
        Reply unknown = classifier.answer("GET", "/predictions", null, new byte[0]);
        Reply wrongMethod = classifier.answer("GET", "/predict", null, new byte[0]);

        assertEquals(404, unknown.status());
        assertEquals("no endpoint at /predictions; expected one of " + Endpoints.ROUTES, json(unknown).get("error").asText());
        assertEquals(405, wrongMethod.status());
        assertEquals("POST", wrongMethod.allow());
        assertEquals("/predict takes POST, was GET", json(wrongMethod).get("error").asText());
    }

    @Test
    void healthAndPageAnswer() {
        Reply health = classifier.answer("GET", "/health", null, new byte[0]);
        Reply page = classifier.answer("GET", "/", null, new byte[0]);

        assertEquals(200, health.status());
        assertEquals("{\"status\":\"ready\"}", health.bodyText());
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.bodyText().contains("id=\"pad\""));
        assertFalse(page.bodyText().matches("(?s).*(src|href)=\"https?://.*"), "no asset from the internet");
    }

    @Test
    void modelSummaryNamesLayersClassesAndPreprocessing() throws IOException {
        JsonNode model = json(classifier.answer("GET", "/model", null, new byte[0]));

        assertEquals("classification", model.get("task").asText());
        assertEquals(4, model.get("inputWidth").asInt());
        JsonNode layer = model.get("layers").get(0);
        assertEquals("dense0", layer.get("name").asText());
        assertEquals("softmax", layer.get("activation").asText());
        assertEquals(4 * 3 + 3, layer.get("parameters").asInt());
        assertEquals("[\"setosa\",\"versicolor\",\"virginica\"]", model.get("classes").toString());
        assertTrue(model.get("preprocessing").get("inputs").isNull());
        assertEquals(2, model.get("image").get("side").asInt(), "4 inputs make a 2 × 2 picture");
        assertEquals(1000, model.get("limits").get("maxRows").asInt());
    }

    @ParameterizedTest
    @CsvSource({"8", "28"})
    void drawingsArePreparedAsPredictImagePreparesThem(int side) throws IOException {
        Model model = TestModels.oneLayer(folder, side * side, 10, "softmax");
        byte[] png = Pictures.png(Pictures.seven(280));
        double[] prepared = DigitImage.prepare(DigitImage.grey(Pictures.seven(280)), side);

        Reply reply = new Endpoints(model, options(10, 100_000)).answer("POST", "/predict-image", "image/png", png);

        assertEquals(200, reply.status(), reply.bodyText());
        JsonNode json = json(reply);
        assertEquals(side, json.get("side").asInt());
        float[] input = new float[side * side];
        for (int i = 0; i < input.length; i++) {
            input[i] = json.get("input").get(i).floatValue();
            assertEquals(prepared[i], input[i], 1e-6);
        }
        assertEquals(model.predictClass(input), json.get("predictions").get(0).get("index").asInt());
    }

    @Test
    void badPicturesAreRefused() throws IOException {
        Model digits = TestModels.oneLayer(folder, 64, 10, "softmax");
        Endpoints small = new Endpoints(digits, options(10, 100 * 100));
        byte[] png = Pictures.png(Pictures.seven(280));

        Reply tooLarge = small.answer("POST", "/predict-image", "image/png", png);
        Reply notAPicture = small.answer("POST", "/predict-image", "image/png", "hello".getBytes());
        Reply cut = new Endpoints(digits, options(10, 100_000)).answer("POST", "/predict-image", "image/png",
                Arrays.copyOf(png, png.length / 2));
        Reply notSquare = new Endpoints(TestModels.oneLayer(folder, 3, 2, "softmax"), options(10, 100_000))
                .answer("POST", "/predict-image", "image/png", png);
        Reply json = small.answer("POST", "/predict-image", "application/json", png);

        assertEquals(413, tooLarge.status());
        assertEquals("the picture declares 280×280 = 78400 pixels; at most 10000 are read",
                json(tooLarge).get("error").asText());
        assertEquals(400, notAPicture.status());
        assertEquals(400, cut.status(), cut.bodyText());
        assertTrue(json(notSquare).get("error").asText().contains("this model has 3 inputs; use POST /predict"));
        assertEquals(415, json.status());
        assertEquals(400, notSquare.status());
    }
}
