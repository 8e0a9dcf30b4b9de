package dev.scratchnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scratchnet.internal.Limits;
import dev.scratchnet.io.BoundedZip;
import dev.scratchnet.io.ModelFile;
import dev.scratchnet.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A checkpoint: everything a training needs to go on after an epoch as if it had never stopped, in
 * one zip file written atomically (as model files are):
 * <pre>
 *   checkpoint.json   {"format": "scratchnet-checkpoint", "formatVersion": 1, "epoch": 5,
 *                      "settings": {"network": …, "optimizer": "adam(0.01, …)", …},
 *                      "history": [["1", "1.05", …], …], "optimizerSteps": "40",
 *                      "earlyStopping": ["0.41", "0.41", "0"], "plan": "split-rows 2"}
 *   weights.0.npy …     the parameters in network order (dense0.W, dense0.b, dense1.W, …)
 *   optimizer.0.npy …   the optimizer state's arrays (velocities, moments)
 *   best.0.npy …        early stopping's best weights, when the fit stops early
 * </pre>
 * Numbers are written as Java's shortest decimal strings, which read back to the same bits (NaN
 * included). The shuffling generator's state is not stored: it is the fit seed's generator after
 * the validation split and one permutation per epoch run, which a resume replays. Nor is dropout's:
 * a mask value is drawn from its row, epoch and unit alone ({@code arithmetic.DropoutMasks}).
 * Checkpoints written before that hold a {@code "dropoutGenerator"} entry; it is read past, and
 * such a checkpoint resumes with the masks drawn as today's trainings draw them.
 * The training plan (see {@link Plan}) is recorded so that a resume trains with the same one, and
 * so to the same bits; it is not a setting a resume is checked against (a checkpoint without one
 * resumes on the plan chosen then).
 */
final class Checkpoint {

    static final String FORMAT = "scratchnet-checkpoint";
    static final int FORMAT_VERSION = 1;
    private static final String JSON = "checkpoint.json";

    final int epoch;
    final Map<String, String> settings;
    final List<EpochResult> history;
    final long optimizerSteps;
    /** Early stopping's counters, or null without early stopping. */
    final double[] earlyStopping;
    final List<INDArray> weights;
    final List<INDArray> optimizerArrays;
    final List<INDArray> bestWeights;
    /** The training plan's id ({@code split-rows 2}), or null when the checkpoint does not say. */
    String plan;

    private Checkpoint(int epoch, Map<String, String> settings, List<EpochResult> history, long optimizerSteps,
                       double[] earlyStopping, List<INDArray> weights,
                       List<INDArray> optimizerArrays, List<INDArray> bestWeights) {
        this.epoch = epoch;
        this.settings = settings;
        this.history = history;
        this.optimizerSteps = optimizerSteps;
        this.earlyStopping = earlyStopping;
        this.weights = weights;
        this.optimizerArrays = optimizerArrays;
        this.bestWeights = bestWeights;
    }

    /** The file name of the checkpoint after {@code epoch}: zero-padded, so that names sort by epoch. */
    static String fileName(int epoch) {
        return String.format("checkpoint-%010d.zip", epoch);
    }

    /** Writes the state of a training after {@code epoch} into {@code file}, atomically. */
    static void write(Path file, int epoch, Map<String, String> settings, List<EpochResult> history,
                      List<Parameter> parameters, OptimizerState optimizer, EarlyStopping earlyStopping,
                      String plan) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("format", FORMAT);
        json.put("formatVersion", FORMAT_VERSION);
        json.put("epoch", epoch);
        ObjectNode settingsJson = json.putObject("settings");
        settings.forEach(settingsJson::put);
        ArrayNode historyJson = json.putArray("history");
        for (EpochResult result : history) {
            ArrayNode row = historyJson.addArray();
            row.add(Integer.toString(result.epoch()));
            for (double value : new double[] {result.trainLoss(), result.trainAccuracy(), result.validationLoss(),
                result.validationAccuracy(), result.learningRate()}) {
                row.add(Double.toString(value));
            }
        }
        json.put("optimizerSteps", Long.toString(optimizer.steps()));
        if (earlyStopping != null) {
            ArrayNode counters = json.putArray("earlyStopping");
            for (double value : earlyStopping.counters()) {
                counters.add(Double.toString(value));
            }
        }
        if (plan != null) {
            json.put("plan", plan);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(JSON, mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        for (int i = 0; i < parameters.size(); i++) {
            entries.put("weights." + i + ".npy", Npy.write(parameters.get(i).value()));
        }
        List<INDArray> arrays = optimizer.arrays();
        for (int i = 0; i < arrays.size(); i++) {
            entries.put("optimizer." + i + ".npy", Npy.write(arrays.get(i)));
        }
        if (earlyStopping != null) {
            List<INDArray> best = earlyStopping.bestWeights();
            for (int i = 0; i < best.size(); i++) {
                entries.put("best." + i + ".npy", Npy.write(best.get(i)));
            }
        }
        ModelFile.write(entries, file);
    }

    /**
     * Reads a checkpoint file with the bounds model files have: checkpoint.json up to
     * {@link #maxJsonBytes()}, each array's header and then exactly the bytes its shape needs
     * (see {@link BoundedZip}).
     *
     * @throws IllegalArgumentException naming the file when it is missing or not a checkpoint this
     *                                  version reads
     */
    static Checkpoint read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": there is no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": it is a folder, not a checkpoint "
                    + "file (checkpoint-NNNNNNNNNN.zip)");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode json = new ObjectMapper().readTree(BoundedZip.entry(zip, JSON, maxJsonBytes(), MAX_JSON_BYTES));
            if (!FORMAT.equals(json.path("format").asText()) || json.path("formatVersion").asInt() != FORMAT_VERSION) {
                throw new IllegalArgumentException("checkpoint " + file + " is not a scratchnet checkpoint of format "
                        + "version " + FORMAT_VERSION + " (found format " + json.path("format") + ", version "
                        + json.path("formatVersion") + ")");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.path("settings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> setting = it.next();
                settings.put(setting.getKey(), setting.getValue().asText());
            }
            List<EpochResult> history = new ArrayList<>();
            for (JsonNode row : json.path("history")) {
                history.add(new EpochResult(Integer.parseInt(row.get(0).asText()), number(row.get(1)),
                        number(row.get(2)), number(row.get(3)), number(row.get(4)), number(row.get(5))));
            }
            double[] earlyStopping = null;
            if (json.has("earlyStopping")) {
                earlyStopping = new double[3];
                for (int i = 0; i < 3; i++) {
                    earlyStopping[i] = number(json.get("earlyStopping").get(i));
                }
            }
            Checkpoint checkpoint = new Checkpoint(json.path("epoch").asInt(), Fingerprint.upgraded(settings), history,
                    Long.parseLong(json.path("optimizerSteps").asText("0")), earlyStopping,
                    arrays(zip, "weights.", file), arrays(zip, "optimizer.", file), arrays(zip, "best.", file));
            checkpoint.plan = json.hasNonNull("plan") ? json.get("plan").asText() : null;
            return checkpoint;
        } catch (ZipException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": not a zip file, or a damaged one ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a number or field of checkpoint.json that is not what this version writes
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException("cannot read checkpoint " + file + ": checkpoint.json is not what this "
                    + "version writes (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** The property that raises the largest checkpoint.json read. */
    static final String MAX_JSON_BYTES = "scratchnet.checkpoint.maxJsonBytes";

    /**
     * The largest checkpoint.json read (default 16 MiB: the history of about 100000 epochs); the
     * model file's model.json has its own, smaller limit.
     */
    static int maxJsonBytes() {
        return Limits.value(MAX_JSON_BYTES, 16 * 1024 * 1024);
    }

    /**
     * Refuses to resume when a setting that changes the result differs from the checkpoint's,
     * naming every difference.
     */
    void requireSettings(Map<String, String> now, Path file) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> setting : now.entrySet()) {
            String then = settings.get(setting.getKey());
            if (!setting.getValue().equals(then)) {
                differences.add(setting.getKey() + ": the checkpoint has " + then + ", this fit has "
                        + setting.getValue());
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("cannot resume from " + file + ": " + String.join("; ", differences)
                    + " (only epochs, listeners and checkpoints may differ)");
        }
    }

    /** Copies {@code saved} into the live {@code arrays}, checking that they match. */
    static void assign(List<INDArray> saved, List<INDArray> arrays, String what, Path file) {
        if (saved.size() != arrays.size()) {
            throw new IllegalArgumentException("checkpoint " + file + " holds " + saved.size() + " " + what
                    + " arrays, the training has " + arrays.size());
        }
        for (int i = 0; i < arrays.size(); i++) {
            if (!Arrays.equals(saved.get(i).shape(), arrays.get(i).shape())) {
                throw new IllegalArgumentException("checkpoint " + file + " " + what + " array " + i + " has shape "
                        + Arrays.toString(saved.get(i).shape()) + ", the training's has "
                        + Arrays.toString(arrays.get(i).shape()));
            }
            arrays.get(i).assign(saved.get(i));
        }
    }

    private static double number(JsonNode node) {
        return Double.parseDouble(node.asText());
    }

    private static List<INDArray> arrays(ZipFile zip, String prefix, Path file) throws IOException {
        List<INDArray> arrays = new ArrayList<>();
        for (int i = 0; zip.getEntry(prefix + i + ".npy") != null; i++) {
            arrays.add(BoundedZip.array(zip, prefix + i + ".npy"));
        }
        return arrays;
    }
}
