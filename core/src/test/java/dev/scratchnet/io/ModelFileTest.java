package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {

    @TempDir
    Path directory;

    private static Network trained(DataType dataType) {
        DataSet digits = Datasets.digits().scale(1 / 16.0).split(0.2, 3).train();
        Network net = Network.builder().seed(7).dataType(dataType)
                .dense(64, 15, Activation.leakyRelu(0.05))
                .dense(15, 12, Activation.TANH)
                .dense(12, 10, Activation.SOFTMAX)
                .build();
        net.fit(digits, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(2).batchSize(32)
                .build());
        return net;
    }

    private void assertRoundTripIsExact(DataType dataType) throws IOException {
        Network net = trained(dataType);
        Path file = directory.resolve("model.zip");
        net.save(file);
        Network loaded = Network.load(file);

        INDArray x = Datasets.digits().scale(1 / 16.0).features();
        assertEquals(dataType, loaded.dataType());
        assertEquals(net.seed(), loaded.seed());
        // all but the last line, the plan of the trained network's last fit: a plan is the machine's, not saved
        String summary = net.summary();
        String withoutPlan = summary.substring(0, summary.lastIndexOf("training plan: "));
        assertEquals(withoutPlan, loaded.summary().substring(0, loaded.summary().lastIndexOf("training plan: ")));
        assertTrue(summary.endsWith("for batches of 32\n"), summary);
        assertSame(Activation.SOFTMAX, loaded.layer(2).activation());
        assertEquals(Activation.leakyRelu(0.05), loaded.layer(0).activation());
        for (int i = 0; i < net.numLayers(); i++) {
            assertEquals(net.layer(i).weights(), loaded.layer(i).weights());
            assertEquals(net.layer(i).bias(), loaded.layer(i).bias());
        }
        // bit for bit: equal as arrays of raw values, not only within a tolerance
        assertArrayEquals(net.predict(x).ravel().toDoubleVector(), loaded.predict(x).ravel().toDoubleVector(), 0.0);
    }

    @Test
    void float32RoundTripPredictsIdentically() throws IOException {
        assertRoundTripIsExact(DataType.FLOAT);
    }

    @Test
    void float64RoundTripPredictsIdentically() throws IOException {
        assertRoundTripIsExact(DataType.DOUBLE);
    }

    @Test
    void zipHoldsModelJsonAndOneNpyPerWeightAndBias() throws IOException {
        Path file = directory.resolve("sub/dir/model.zip");
        Network.builder().dense(4, 3, Activation.RELU).dense(3, 2, Activation.SIGMOID).build().save(file);

        Map<String, byte[]> entries = ModelFileRefusalTest.entries(file);
        assertEquals(java.util.List.of("model.json", "dense0.W.npy", "dense0.b.npy", "dense1.W.npy", "dense1.b.npy"),
                java.util.List.copyOf(entries.keySet()));
        String json = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"formatVersion\" : 1") && json.contains("\"dataType\" : \"float32\""), json);
        assertTrue(json.contains("\"initializer\" : \"xavier\""), json);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the model");
        }
    }

    @Test
    void savingTheSameNetworkTwiceGivesTheSameBytes() throws IOException {
        Network net = Network.builder().seed(3).dense(5, 4, Activation.TANH).build();
        net.save(directory.resolve("a.zip"));
        net.save(directory.resolve("b.zip"));
        assertArrayEquals(Files.readAllBytes(directory.resolve("a.zip")), Files.readAllBytes(directory.resolve("b.zip")));
    }

    @Test
    void aFailedSaveLeavesTheOldFileAlone() throws IOException {
        Path file = directory.resolve("model.zip");
        Network.builder().dense(2, 2, Activation.RELU).build().save(file);
        byte[] before = Files.readAllBytes(file);
        Activation custom = new Activation() {
            public INDArray forward(INDArray z) {
                return z.dup();
            }

            public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
                return gradA.dup();
            }

            public String name() {
                return "custom";
            }
        };
        Network odd = Network.builder().dense(2, 2, custom).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> odd.save(file));
        assertTrue(e.getMessage().contains("activation 'custom'"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }
}
