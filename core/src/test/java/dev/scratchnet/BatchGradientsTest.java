package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link BatchGradients}, the batches a distributed training computes away from its optimizer, and data sets sent by Java serialization. */
class BatchGradientsTest {

    private final DataSet digits = Datasets.digits().scale(1 / 16.0).select(new int[] {5, 9, 2, 40, 41, 77, 3});

    @Test
    void aBatchLeavesTheGradientsAndLossOfThoseRows() {
        Network net = network();
        BatchGradients batches = BatchGradients.of(net, digits, Loss.CROSS_ENTROPY, 4, true);
        batches.startEpoch(new int[] {6, 0, 3, 1, 2, 5, 4});
        DataSet rows = digits.select(new int[] {3, 1, 2});
        Gradients expected = network().gradients(rows.features(), rows.targets(), Loss.CROSS_ENTROPY);

        double loss = batches.compute(2, 5);

        assertEquals(network().loss(rows, Loss.CROSS_ENTROPY), loss, 1e-12);
        for (int layer = 0; layer < net.numLayers(); layer++) {
            INDArray dW = net.layer(layer).parameters().get(0).gradient();
            assertTrue(expected.weights(layer).equalsWithEps(dW, 1e-12), "dW of layer " + layer);
        }
        int[] predicted = network().predictClasses(rows.features());
        int[] labels = rows.labels();
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        assertEquals(right, batches.correct());
    }

    @Test
    void workersHoldingPartsOfTheRowsDrawTheDropoutMasksOfTheWholeBatch() {
        int[] order = {6, 0, 3, 1, 2, 5, 4};
        Network whole = droppingNetwork();
        BatchGradients all = BatchGradients.of(whole, digits, Loss.CROSS_ENTROPY, 7, true, java.util.List.of(), 5);
        all.startEpoch(3, order, order, 7);
        double loss = all.compute(0, 7);
        // rows 0-2 on one worker, 3-6 on another, each with its own order and the rows' numbers among all 7
        Network first = droppingNetwork();
        BatchGradients firstRows = BatchGradients.of(first, digits.select(new int[] {0, 1, 2}), Loss.CROSS_ENTROPY, 3,
                true, java.util.List.of(), 5);
        firstRows.startEpoch(3, new int[] {0, 1, 2}, new int[] {0, 1, 2}, 7);
        double firstLoss = firstRows.compute(0, 3);
        Network second = droppingNetwork();
        BatchGradients secondRows = BatchGradients.of(second, digits.select(new int[] {3, 4, 5, 6}),
                Loss.CROSS_ENTROPY, 4, true, java.util.List.of(), 5);
        secondRows.startEpoch(3, new int[] {3, 0, 2, 1}, new int[] {6, 3, 5, 4}, 7);
        double secondLoss = secondRows.compute(0, 4);

        assertEquals(loss, (3 * firstLoss + 4 * secondLoss) / 7, 1e-12);
        for (int layer = 0; layer < whole.numLayers(); layer++) {
            INDArray expected = whole.layer(layer).parameters().get(0).gradient();
            INDArray combined = first.layer(layer).parameters().get(0).gradient().mul(3.0 / 7)
                    .add(second.layer(layer).parameters().get(0).gradient().mul(4.0 / 7));
            assertTrue(expected.equalsWithEps(combined, 1e-12), "dW of layer " + layer);
        }
        // numbered as their own rows instead, the second worker's rows draw other masks
        secondRows.startEpoch(3, new int[] {3, 0, 2, 1}, new int[] {3, 0, 2, 1}, 7);
        assertTrue(Math.abs(secondRows.compute(0, 4) - secondLoss) > 1e-9, "the masks depend on the row numbers");
    }

    @Test
    void refusesBatchesOutsideItsRows() {
        BatchGradients batches = BatchGradients.of(network(), digits, Loss.MSE, 4, false);
        assertThrows(IllegalArgumentException.class, () -> batches.startEpoch(new int[] {0, 7}));
        IllegalArgumentException numbers = assertThrows(IllegalArgumentException.class,
                () -> batches.startEpoch(1, new int[] {0, 1}, new int[] {0, 9}, 9));
        assertTrue(numbers.getMessage().contains("maskRows holds row 9 but the training's rows are [0, 9)"),
                numbers.getMessage());
        batches.startEpoch(new int[] {0, 1, 2, 3, 4, 5, 6});
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> batches.compute(0, 5));
        assertTrue(tooMany.getMessage().contains("at most 4 rows"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchGradients.of(network(), digits, Loss.MSE, 8, false));
    }

    @Test
    void aDataSetTravelsByJavaSerialization() throws Exception {
        DataSet original = DataSet.of(digits.features().castTo(DataType.DOUBLE), digits.targets())
                .withClassNames(java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }

        DataSet copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DataSet) in.readObject();
        }

        assertEquals(original.features(), copy.features());
        assertEquals(original.targets(), copy.targets());
        assertEquals(DataType.DOUBLE, copy.features().dataType());
        assertEquals(DataType.FLOAT, copy.targets().dataType());
        assertEquals(original.classNames(), copy.classNames());
    }

    private static Network droppingNetwork() {
        return Network.builder().seed(2).dataType(DataType.DOUBLE).input(64).dense(12, Activation.TANH).dropout(0.5)
                .dense(10, Activation.SOFTMAX).build();
    }

    private static Network network() {
        return Network.builder().seed(2).dataType(DataType.DOUBLE).input(64).dense(8, Activation.TANH)
                .dense(10, Activation.SOFTMAX).build();
    }
}
