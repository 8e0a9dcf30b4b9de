package dev.scratchnet.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scratchnet.kernels.LeakyReluKernel;
import dev.scratchnet.kernels.Values;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/**
 * ReLU's and leaky ReLU's backward pass without a branch: the gradient passes exactly where the
 * activation is above zero (the smallest denormal too), is {@code α·grad} elsewhere, and what cannot
 * be a number stays NaN — in float32 and float64, and past a chunk's end.
 */
class ReluBackwardTest {

    private static final float[] ACTIVATIONS = {Float.MIN_VALUE, 0f, -0f, 2.5f, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NaN, 0f, -3f};
    private static final float[] GRADIENTS = {0.75f, 0.75f, -0.75f, -1.25f, 3f, 3f, 3f, Float.NEGATIVE_INFINITY, 2f};

    private static float[] backward(double alpha, float[] activations, float[] gradients) {
        float[] out = gradients.clone();
        new LeakyReluKernel(alpha).backward(null, Values.of(FloatBuffer.wrap(activations.clone()), 1, activations.length),
                Values.of(FloatBuffer.wrap(out), 1, out.length), 1);
        return out;
    }

    @Test
    void reluPassesTheGradientExactlyWhereTheActivationIsAboveZero() {
        float[] out = backward(0, ACTIVATIONS, GRADIENTS);
        float[] expected = {0.75f, 0f, -0f, -1.25f, 3f, 3f, Float.NaN, Float.NaN, 0f};
        for (int i = 0; i < expected.length; i++) {
            // assertEquals on floats compares bits through floatToIntBits: +0 and -0 differ, NaN equals NaN
            assertEquals(expected[i], out[i], "element " + i + ": a = " + ACTIVATIONS[i] + ", grad = " + GRADIENTS[i]);
        }
    }

    @Test
    void leakyReluScalesTheGradientBelowZeroAsTheProductInDoubleRounded() {
        float[] out = backward(0.1, ACTIVATIONS, GRADIENTS);
        for (int i = 0; i < ACTIVATIONS.length; i++) {
            float expected = ACTIVATIONS[i] > 0f ? GRADIENTS[i] : (float) (0.1 * GRADIENTS[i]);
            assertEquals(expected, out[i], "element " + i);
        }
    }

    @Test
    void float64AndLongerThanAChunkGiveTheSameFactors() {
        int length = 5000;
        double[] activations = new double[length];
        double[] gradients = new double[length];
        for (int i = 0; i < length; i++) {
            activations[i] = i % 3 == 0 ? 0 : (i % 3 == 1 ? Double.MIN_VALUE * i : -i);
            gradients[i] = i - 2500.5;
        }
        double[] out = gradients.clone();
        new LeakyReluKernel(0).backward(null, Values.of(DoubleBuffer.wrap(activations), 1, length),
                Values.of(DoubleBuffer.wrap(out), 1, length), 1);
        for (int i = 0; i < length; i++) {
            assertEquals(activations[i] > 0 ? gradients[i] : 0 * gradients[i], out[i], "element " + i);
        }
    }
}
