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
    void refusesBatchesOutsideItsRows() {
        BatchGradients batches = BatchGradients.of(network(), digits, Loss.MSE, 4, false);
        assertThrows(IllegalArgumentException.class, () -> batches.startEpoch(new int[] {0, 7}));
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

    private static Network network() {
        return Network.builder().seed(2).dataType(DataType.DOUBLE).input(64).dense(8, Activation.TANH)
                .dense(10, Activation.SOFTMAX).build();
    }
}
