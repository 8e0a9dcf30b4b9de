package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Each warning of {@link Fit.Builder#diagnostics(boolean)} from a training built to show its pathology. */
class DiagnosticsTest {

    private static final DataSet DIGITS = Datasets.digits().scale(1 / 16.0).split(0.8, 1).train();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHealthyRunMeasuresEveryLayerAndRaisesNoWarning(Backend backend) {
        Network net = Network.builder().seed(1).backend(backend).input(64)
                .dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.adam(0.001), 2).build());

        assertEquals(List.of(), h.warnings());
        assertEquals(4, h.diagnostics().size(), "two layers, two epochs");
        LayerDiagnostics first = h.diagnostics().get(0);
        assertEquals("dense layer 1", first.layerName());
        assertEquals("dense0", first.identifier());
        for (LayerDiagnostics d : h.diagnostics()) {
            assertTrue(d.gradientNorm() > 0 && d.weightNorm() > 0, d.toString());
            assertTrue(d.updateRatio() > 1e-4 && d.updateRatio() < 0.05, d.toString());
        }
        assertTrue(first.neverFired() >= 0 && first.neverFired() < 0.5, first.toString());
        assertTrue(Double.isNaN(first.saturated()) && Double.isNaN(h.diagnostics().get(1).neverFired()));
    }

    /** What is watched comes from the op table's own instances, not from a name: an impostor "relu" has no never-fired share. */
    @Test
    void anActivationOfTheUsersOwnIsNotWatchedAsTheOpWhoseNameItTakes() {
        Network net = Network.builder().seed(1).input(64).dense(15, new ImpostorRelu()).dense(10, Activation.SOFTMAX)
                .build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.adam(0.001), 1).build());

        LayerDiagnostics first = h.diagnostics().get(0);
        assertEquals("relu", first.activation());
        assertTrue(Double.isNaN(first.neverFired()) && Double.isNaN(first.saturated()), first.toString());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void diagnosticsLeaveTheTrainingAsItIs(Backend backend) {
        // plain SGD: the fast backend fuses the update into the gradient products
        Network with = Network.builder().seed(3).backend(backend).input(64)
                .dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();
        Network without = Network.builder().seed(3).backend(backend).input(64)
                .dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();

        with.fit(DIGITS, fit(Optimizer.sgd(0.1), 2).build());
        without.fit(DIGITS, fit(Optimizer.sgd(0.1), 2).diagnostics(false).build());

        assertEquals(Weights.hash(without), Weights.hash(with));
    }

    @Test
    void offMeansNothingMeasuredAndTheCsvAsBefore() {
        Network net = Network.builder().seed(1).input(64).dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, Fit.builder().loss(Loss.CROSS_ENTROPY).epochs(1).build());

        assertEquals(List.of(), h.diagnostics());
        assertEquals(List.of(), h.warnings());
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate",
                h.toCsv().lines().findFirst().orElseThrow());
    }

    @Test
    void theCsvGetsFiveColumnsPerLayer() {
        Network net = Network.builder().seed(1).input(64).dense(15, Activation.TANH).dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.sgd(0.1), 2).build());

        List<String> lines = h.toCsv().lines().toList();
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,"
                + "dense0_gradient_norm,dense0_update_ratio,dense0_weight_norm,dense0_never_fired,dense0_saturated,"
                + "dense1_gradient_norm,dense1_update_ratio,dense1_weight_norm,dense1_never_fired,dense1_saturated",
                lines.get(0));
        String[] row = lines.get(2).split(",", -1);
        assertEquals(16, row.length);
        assertEquals(Double.toString(h.diagnostics().get(2).gradientNorm()), row[6]);
        assertEquals("", row[9]); // tanh: never_fired is not measured
    }

    @Test
    void reluUnitsStartedWithStronglyNegativeBiasesNeverFire() {
        Network net = Network.builder().seed(1)
                .dense(Nd4j.rand(DataType.FLOAT, 64, 15).subi(0.5).muli(0.2), Nd4j.zeros(DataType.FLOAT, 15).subi(5),
                        Activation.RELU)
                .dense(15, 10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.sgd(0.1), 3).build());

        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String warning = h.warnings().get(0);
        assertTrue(warning.startsWith("dense layer 1: 100 % of its 15 ReLUs never fired in epoch 1"), warning);
        assertEquals(1.0, h.diagnostics().get(0).neverFired());
    }

    @Test
    void sigmoidUnitsWithLargeInitialWeightsAreSaturated() {
        Network net = Network.builder().seed(1).input(64)
                .dense(15, Activation.SIGMOID, Initializer.normal(5)).dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.sgd(0.1), 2).build());

        assertEquals(1, h.warnings().size(), h.warnings().toString());
        assertTrue(h.warnings().get(0).matches("dense layer 1: \\d+ % of its 15 sigmoid units' outputs were saturated "
                + "in epoch 1 .*"), h.warnings().get(0));
        assertTrue(h.diagnostics().get(0).saturated() > 0.5);
    }

    @Test
    void aHugeLearningRateIsNamed() {
        Network net = Network.builder().seed(1).input(64).dense(15, Activation.RELU).dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.sgd(50), 2).build());

        assertTrue(h.warnings().get(0).startsWith("dense layer 1: each step changed the weights by"), h.warnings().get(0));
        assertTrue(h.warnings().get(0).contains("in epoch 1") && h.warnings().get(0).contains("learning rate (now 50.0)"));
    }

    @Test
    void aDeepSigmoidStackWithTinyWeightsHasVanishingGradients() {
        Network.Builder deep = Network.builder().seed(1).input(64);
        for (int i = 0; i < 5; i++) {
            deep.dense(32, Activation.SIGMOID, Initializer.normal(0.01));
        }
        Network net = deep.dense(10, Activation.SOFTMAX).build();

        TrainingHistory h = net.fit(DIGITS, fit(Optimizer.sgd(0.1), 1).build());

        List<String> vanishing = h.warnings().stream().filter(w -> w.contains("vanishing")).toList();
        assertTrue(vanishing.get(0).startsWith("dense layer 1: the gradients were vanishing in epoch 1"), h.warnings().toString());
        assertTrue(h.diagnostics().get(0).gradientNorm() < 1e-6 * h.diagnostics().get(5).gradientNorm());
    }

    @Test
    void gradientsThatExplodeAreNamedWhenTheLossDiverges() {
        Network net = Network.builder().seed(1).input(64).dense(32, Activation.TANH).dense(10, Activation.IDENTITY).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(DIGITS,
                Fit.builder().loss(Loss.MSE).optimizer(Optimizer.momentum(2, 0.9)).epochs(2).diagnostics(true).build()));

        List<String> exploding = e.history().warnings().stream().filter(w -> w.contains("exploding")).toList();
        assertEquals(1, exploding.size(), e.history().warnings().toString());
        assertTrue(exploding.get(0).startsWith("dense layer 2: the gradients were exploding in epoch 1"), exploding.get(0));
        assertTrue(e.history().warnings().stream().noneMatch(w -> w.contains("vanishing")));
    }

    private static Fit.Builder fit(Optimizer optimizer, int epochs) {
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(optimizer).epochs(epochs).diagnostics(true);
    }
}
