package dev.scratchnet;

import dev.scratchnet.internal.Records;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must be the same for a resumed training to give the result of one that never stopped: the
 * network, the training data and every setting of the {@link Fit} that changes the weights — read
 * from the Fit's components, so that a new setting enters the fingerprint without being listed
 * here. Left out: the groups that only watch ({@link Fit.Checkpointing}, {@link Fit.Monitoring})
 * and {@code epochs}, which a resume may raise. A checkpoint stores the fingerprint and a resume
 * names each difference ({@code KEY: the checkpoint has …, this fit has …}).
 */
final class Fingerprint {

    /** Settings that may differ between the training that wrote a checkpoint and the one resuming it. */
    private static final Set<String> FREE = Set.of("epochs", "checkpointing", "monitoring");

    private Fingerprint() {
    }

    /** The fingerprint of training {@code network} on {@code trainingData} (see {@link #data}) with {@code fit}. */
    static Map<String, String> of(Network network, String trainingData, Fit fit) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("network", network(network));
        settings.put("training data", trainingData);
        add(settings, Records.components(fit), network);
        return settings;
    }

    /** Training rows as the fingerprint describes them: their shape and sums (the rows as given, before scaling). */
    static String data(int rows, int features, int targets, Number featureSum, Number targetSum, double[] weights) {
        return rows + " rows × " + features + " features, " + targets + " targets, Σx = " + featureSum + ", Σy = "
                + targetSum + (weights != null ? ", Σw = " + sum(weights) : "");
    }

    /** {@link #data(int, int, int, Number, Number, double[])} of a data set. */
    static String data(DataSet data) {
        return data(data.size(), data.numFeatures(), data.numOutputs(), data.features().sumNumber(),
                data.targets().sumNumber(), data.hasWeights() ? data.weights() : null);
    }

    /**
     * A fingerprint as this version writes it, from one written before the settings were grouped:
     * then {@code validation} said {@code split F}, {@code given, …} or {@code none}, and
     * {@code earlyStopping} said {@code PATIENCE, MIN_DELTA} or {@code none}. Others come back as they are.
     */
    static Map<String, String> upgraded(Map<String, String> settings) {
        if (settings.containsKey("validationSplit") || !settings.containsKey("earlyStopping")) {
            return settings;
        }
        Map<String, String> upgraded = new LinkedHashMap<>(settings);
        String validation = upgraded.remove("validation");
        boolean split = validation != null && validation.startsWith("split ");
        upgraded.put("validationSplit", split ? validation.substring("split ".length()) : "0.0");
        upgraded.put("validation", split || validation == null ? "none" : validation);
        String[] earlyStopping = upgraded.remove("earlyStopping").split(", ");
        boolean stops = earlyStopping.length == 2;
        upgraded.put("earlyStoppingPatience", stops ? earlyStopping[0] : "0");
        upgraded.put("earlyStoppingMinDelta", stops ? earlyStopping[1] : "0.0");
        return upgraded;
    }

    private static void add(Map<String, String> settings, Map<String, Object> components, Network network) {
        components.forEach((name, value) -> {
            if (FREE.contains(name)) {
                return;
            }
            if (value instanceof Record group) {
                add(settings, Records.components(group), network);
            } else {
                settings.put(name, text(name, value, network));
            }
        });
    }

    /** A setting as the fingerprint writes it: by name for ops and schedules, in short for data. */
    private static String text(String name, Object value, Network network) {
        if (value == null && name.equals("seed")) {
            return Long.toString(network.seed()); // no fit seed: the network's is the one used
        }
        if (value instanceof Loss loss) {
            return loss.name();
        }
        if (value instanceof Optimizer optimizer) {
            return optimizer.name();
        }
        if (value instanceof Schedule schedule) {
            return schedule.name();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> v instanceof DataSet given
                    ? "given, " + given.size() + " rows, Σy = " + given.targets().sumNumber() : v.toString())
                    .orElse("none");
        }
        return String.valueOf(value);
    }

    private static String network(Network network) {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            layers.append(i == 0 ? "" : ", ").append(layer.nIn()).append("-").append(layer.nOut()).append(" ")
                    .append(layer.activation().name());
            if (network.dropoutRate(i) > 0) {
                layers.append(" dropout ").append(network.dropoutRate(i));
            }
        }
        return "[" + layers + "] " + network.dataType() + " on " + network.backend();
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
