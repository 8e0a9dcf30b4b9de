package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.Loss;
import dev.scratchnet.Optimizer;
import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The names the command line accepts for hidden activations, losses and optimizers, and what
 * each stands for. An unknown name fails with the list of known ones.
 */
final class Choices {

    /** The parameter a parameterised activation gets on the command line ({@code leaky-relu}: slope 0.01 below zero). */
    static final double DEFAULT_PARAMETER = 0.01;

    /**
     * Hidden-layer activations by name: the op table's element-wise ones, as the command line spells
     * them, but the identity (a hidden layer without one adds nothing a single dense layer cannot do).
     */
    static final Map<String, Activation> ACTIVATIONS = activations();

    /** Losses by name: the op table's, as the command line spells them. */
    static final Map<String, Loss> LOSSES = losses();

    /** Optimizers by name, each made from a learning rate (momentum 0.9 where there is one). */
    static final Map<String, DoubleFunction<Optimizer>> OPTIMIZERS = Map.of(
            "sgd", Optimizer::sgd,
            "momentum", rate -> Optimizer.momentum(rate, 0.9),
            "nesterov", rate -> Optimizer.nesterov(rate, 0.9),
            "adam", Optimizer::adam,
            "rmsprop", Optimizer::rmsProp);

    /** Learning rates that suit each optimizer on these small problems, used when none is given. */
    private static final Map<String, Double> DEFAULT_LEARNING_RATES = Map.of(
            "sgd", 0.1, "momentum", 0.01, "nesterov", 0.01, "adam", 0.001, "rmsprop", 0.001);

    /** Candidates listed in {@code --help}; picocli reads them through {@code completionCandidates}. */
    static final class ActivationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ACTIVATIONS.keySet().iterator();
        }
    }

    /** Loss names for {@code --help}. */
    static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LOSSES.keySet().iterator();
        }
    }

    private static Map<String, Activation> activations() {
        Map<String, Activation> byName = new LinkedHashMap<>();
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            if (!op.rowWise() && op.constant() != Activation.IDENTITY) {
                byName.put(op.commandName(),
                        op.constant() != null ? op.constant() : op.withParameter().apply(DEFAULT_PARAMETER));
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, Loss> losses() {
        Map<String, Loss> byName = new LinkedHashMap<>();
        for (LossOp op : OpTable.LOSSES) {
            byName.put(op.commandName(), op.loss());
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Optimizer names for {@code --help}. */
    static final class OptimizerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("sgd", "momentum", "nesterov", "adam", "rmsprop").iterator();
        }
    }

    private Choices() {
    }

    static Activation activation(String name) {
        return pick("--activation", ACTIVATIONS, name, new ActivationNames());
    }

    static Loss loss(String name) {
        return pick("--loss", LOSSES, name, new LossNames());
    }

    /** The optimizer {@code name} with {@code learningRate}, or the optimizer's usual rate when that is null. */
    static Optimizer optimizer(String name, Double learningRate) {
        DoubleFunction<Optimizer> factory = pick("--optimizer", OPTIMIZERS, name, new OptimizerNames());
        if (learningRate != null && !(learningRate > 0)) {
            throw new IllegalArgumentException("--learning-rate must be > 0, was " + learningRate);
        }
        return factory.apply(learningRate != null ? learningRate : DEFAULT_LEARNING_RATES.get(name));
    }

    private static <T> T pick(String option, Map<String, T> choices, String name, Iterable<String> names) {
        T choice = choices.get(name);
        if (choice == null) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", names)
                    + ", was " + name);
        }
        return choice;
    }
}
