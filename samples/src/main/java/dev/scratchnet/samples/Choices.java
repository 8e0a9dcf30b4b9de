package dev.scratchnet.samples;

import dev.scratchnet.Activation;
import dev.scratchnet.Loss;
import dev.scratchnet.Optimizer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The names the command line accepts for hidden activations, losses and optimizers, and what
 * each stands for. An unknown name fails with the list of known ones.
 */
final class Choices {

    /** Hidden-layer activations by name ({@code leaky-relu} has slope 0.01 below zero). */
    static final Map<String, Activation> ACTIVATIONS = Map.of(
            "relu", Activation.RELU,
            "tanh", Activation.TANH,
            "sigmoid", Activation.SIGMOID,
            "leaky-relu", Activation.leakyRelu(0.01));

    /** Losses by name. */
    static final Map<String, Loss> LOSSES = Map.of(
            "cross-entropy", Loss.CROSS_ENTROPY,
            "mse", Loss.MSE);

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
            return List.of("relu", "tanh", "sigmoid", "leaky-relu").iterator();
        }
    }

    /** Loss names for {@code --help}. */
    static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("cross-entropy", "mse").iterator();
        }
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
