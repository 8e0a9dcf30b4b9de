package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.ops.ActivationOp;
import dev.scratchnet.ops.OpTable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ExplanationTest {

    @Test
    void everyLayerIsNamedWithItsShapesForwardAndBackward() {
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SOFTMAX).build();
        String text = net.explain();
        assertTrue(text.contains("z1 = x·W1 + b1") && text.contains("[n,64]·[64,15] + [1,15] → [n,15]"), text);
        assertTrue(text.contains("z2 = a1·W2 + b2") && text.contains("[n,15]·[15,10] + [1,10] → [n,10]"), text);
        assertTrue(text.contains("dW1 = xᵀ·δ1") && text.contains("[64,n]·[n,15] → [64,15]"), text);
        assertTrue(text.contains("δ1 = (δ2·W2ᵀ) ⊙ relu'(z1)"), text);
        assertTrue(text.contains("fused δ2 = (p·Σy − y)/n"), text);
        assertTrue(text.contains("parameters: 1135 (64·15 + 15 + 15·10 + 10)"), text);
    }

    @Test
    void dropoutIsNamedWithItsRateForwardAndBackward() {
        Network net = Network.builder().seed(1).input(8).dense(6, Activation.RELU).dropout(0.25)
                .dense(5, Activation.TANH).dense(2, Activation.SOFTMAX).build();
        String text = net.explain();
        assertTrue(text.contains("a1 = a1 ⊙ m / (1 − 0.25)") && text.contains("dropout in fit only"), text);
        assertTrue(text.contains("δ1 = (δ2·W2ᵀ) ⊙ m / (1 − 0.25) ⊙ relu'(z1)"), text);
        assertTrue(text.contains("δ2 = (δ3·W3ᵀ) ⊙ tanh'(z2)"), text);
        assertTrue(text.contains("[n,6]·[6,5] + [1,5] → [n,5]") && text.contains("[n,5]·[5,2] + [1,2] → [n,2]"), text);
    }

    @Test
    void aRowIsTracedLayerByLayerToItsClass() {
        Network net = Network.builder().seed(1).dense(3, 12, Activation.TANH).dense(12, 2, Activation.SOFTMAX).build();
        String trace = net.explain(Nd4j.createFromArray(new float[] {0.5f, -1f, 2f}));
        assertTrue(trace.startsWith("x  [0.5000, -1.0000, 2.0000]"), trace);
        assertTrue(trace.contains("z1 [12 values: min"), trace);
        assertTrue(trace.contains("a2 [") && trace.contains("class "), trace);
    }

    @Test
    void everyActivationOfTheTableIsExplainedByItsFormula() {
        for (ActivationOp op : OpTable.ACTIVATIONS) {
            Activation activation = op.constant() != null ? op.constant() : op.withParameter().apply(0.1);
            String text = Network.builder().seed(1).input(3).dense(2, activation).build().explain();
            assertTrue(text.contains("a1 = " + activation.name() + "(z1)") && text.contains(op.facts().formula()),
                    op.name() + ":\n" + text);
        }
    }

    @Test
    void anActivationOfTheUsersOwnIsNotExplainedByTheFormulaOfTheOpWhoseNameItTakes() {
        String text = Network.builder().seed(1).input(3).dense(2, new ImpostorRelu()).build().explain();
        assertTrue(text.contains("a1 = relu(z1)"), text);
        assertFalse(text.contains("max(0, z)"), text);
        assertTrue(text.contains("your own activation: see " + ImpostorRelu.class.getName()), text);
    }
}
