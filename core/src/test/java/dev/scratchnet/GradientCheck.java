package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Finite-difference gradient checks, float64 throughout. Each analytic gradient is compared,
 * element by element, with the central difference {@code (f(θ + ε) − f(θ − ε)) / 2ε}; the
 * relative error {@code |analytic − numeric| / max(|analytic|, |numeric|, floor)} must stay below
 * {@link #TOLERANCE}. The floor means gradients smaller than {@link #FLOOR} are held to an absolute
 * error of {@code TOLERANCE · FLOOR = 1e-9}: for an objective of order 1, the central difference
 * itself carries a rounding error near {@code 1e-16 / ε = 1e-10}, so relative error is noise there. Layer-level objectives are {@code sum(output ⊙ R)} for a fixed random R,
 * so that every output element contributes with its own weight.
 */
public final class GradientCheck {

    /** Step of the central difference. */
    public static final double EPSILON = 1e-6;
    /** Largest relative error accepted. */
    public static final double TOLERANCE = 1e-6;
    /** Magnitude below which gradients are compared absolutely (relative error is noise there). */
    public static final double FLOOR = 1e-3;

    private GradientCheck() {
    }

    /** {@code activation.backward} against differences of {@code sum(activation.forward(z) ⊙ R)}. */
    public static void activation(Activation activation, INDArray z) {
        requireDouble(z);
        INDArray weightsR = TestArrays.uniform(z.rows(), z.columns(), -1, 1);
        INDArray analytic = activation.backward(z.dup(), activation.forward(z), weightsR);
        INDArray numeric = numericGradient(z, () -> activation.forward(z).mul(weightsR).sumNumber().doubleValue());
        compare(activation.name(), analytic, numeric);
    }

    /** {@code loss.gradient} against differences of {@code loss.value}. */
    public static void loss(Loss loss, INDArray p, INDArray y) {
        requireDouble(p);
        INDArray analytic = loss.gradient(p, y);
        INDArray numeric = numericGradient(p, () -> loss.value(p, y));
        compare(loss.name(), analytic, numeric);
    }

    /**
     * A layer's backward pass: {@code dL/dx} and every parameter gradient against differences of
     * {@code sum(layer.forward(x) ⊙ R)}.
     */
    public static void layer(Layer layer, INDArray x) {
        requireDouble(x);
        INDArray weightsR = TestArrays.uniform(x.rows(), layer.nOut(), -1, 1);
        Supplier<Double> objective = () -> layer.forward(x, false).mul(weightsR).sumNumber().doubleValue();
        layer.forward(x, true);
        INDArray gradInput = layer.backward(weightsR);
        compare("dL/dx", gradInput, numericGradient(x, objective));
        for (Parameter parameter : layer.parameters()) {
            compare(parameter.name(), parameter.gradient().dup(), numericGradient(parameter.value(), objective));
        }
    }

    /** {@code network.gradients(x, y, loss)} against differences of {@code network.loss(...)}. */
    public static void network(Network network, INDArray x, INDArray y, Loss loss) {
        assertEquals(DataType.DOUBLE, network.dataType(), "gradient checks need a float64 network");
        Gradients analytic = network.gradients(x, y, loss);
        DataSet data = DataSet.of(x, y);
        Supplier<Double> objective = () -> network.loss(data, loss);
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            compare("layer " + i + " dW", analytic.weights(i), numericGradient(layer.parameters().get(0).value(), objective));
            compare("layer " + i + " db", analytic.bias(i), numericGradient(layer.parameters().get(1).value(), objective));
        }
    }

    /** Central differences of {@code objective} with respect to each element of {@code theta}, changed and restored in place. */
    private static INDArray numericGradient(INDArray theta, Supplier<Double> objective) {
        INDArray gradient = theta.ulike();
        for (long i = 0; i < theta.length(); i++) {
            double original = theta.getDouble(i);
            theta.putScalar(i, original + EPSILON);
            double plus = objective.get();
            theta.putScalar(i, original - EPSILON);
            double minus = objective.get();
            theta.putScalar(i, original);
            gradient.putScalar(i, (plus - minus) / (2 * EPSILON));
        }
        return gradient;
    }

    private static void compare(String what, INDArray analytic, INDArray numeric) {
        assertEquals(numeric.length(), analytic.length(), what + ": gradient has the wrong size");
        for (long i = 0; i < numeric.length(); i++) {
            double a = analytic.getDouble(i);
            double n = numeric.getDouble(i);
            double error = Math.abs(a - n) / Math.max(FLOOR, Math.max(Math.abs(a), Math.abs(n)));
            if (!(error < TOLERANCE)) {
                fail(what + ": element " + i + " analytic " + a + " vs numeric " + n + ", relative error " + error);
            }
        }
    }

    private static void requireDouble(INDArray array) {
        assertEquals(DataType.DOUBLE, array.dataType(), "gradient checks run in float64");
    }
}
