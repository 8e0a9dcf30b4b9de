package dev.scratchnet.server;

import dev.scratchnet.kernels.ActivationFacts;
import dev.scratchnet.runtime.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's answers as the server writes them. A classifier — an output the op table reports as
 * probabilities (softmax, sigmoid), or a model with class names, the rule {@code predict} follows — answers
 * {@code {"index": I, "class": "NAME", "probabilities": [p0, p1, …]}} per row (one sigmoid output
 * stands for classes 0 and 1: probabilities {@code [1 − p, p]}); a regression answers
 * {@code {"outputs": [v, …]}} in the targets' units.
 */
final class Predictions {

    private final Model model;
    private final boolean classifies;
    private final List<String> classes;

    Predictions(Model model) {
        this.model = model;
        String output = model.activations().get(model.activations().size() - 1);
        boolean probabilities = ActivationFacts.named(output).map(ActivationFacts.Entry::probabilities).orElse(false);
        this.classifies = probabilities || !model.classNames().isEmpty();
        this.classes = classNames(model);
    }

    /** The class names in output order: the model's own, or each index as text. */
    static List<String> classNames(Model model) {
        if (!model.classNames().isEmpty()) {
            return model.classNames();
        }
        int count = model.outputWidth() == 1 ? 2 : model.outputWidth();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    boolean classifies() {
        return classifies;
    }

    List<String> classes() {
        return classifies ? classes : List.of();
    }

    /** {@code {"predictions": […]}} for {@code rows}; the model checks nothing the request has not. */
    Map<String, Object> of(float[][] rows) {
        float[][] outputs = model.predict(rows);
        List<Map<String, Object>> predictions = new ArrayList<>(outputs.length);
        for (float[] output : outputs) {
            predictions.add(classifies ? classified(output) : Map.of("outputs", output));
        }
        return Map.of("predictions", predictions);
    }

    private Map<String, Object> classified(float[] output) {
        float[] probabilities = output.length == 1 ? new float[] {1 - output[0], output[0]} : output;
        int index = 0;
        for (int c = 1; c < probabilities.length; c++) {
            index = probabilities[c] > probabilities[index] ? c : index;
        }
        if (output.length == 1) {
            // the core's rule for one output: class 1 from 0.5 up
            index = output[0] >= 0.5f ? 1 : 0;
        }
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("index", index);
        prediction.put("class", index < classes.size() ? classes.get(index) : String.valueOf(index));
        prediction.put("probabilities", probabilities);
        return prediction;
    }
}
