package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Saves a trained model and has {@code src/test/python/check_model.py} (zipfile and numpy only)
 * reproduce its predictions. Runs wherever {@code python3} (or the Python named by
 * {@code -Dscratchnet.python=PATH}) imports numpy; elsewhere it is skipped, and the skip's reason in
 * the Surefire report says which of the two is missing.
 */
class ModelNumpyIT {

    private static final String PYTHON = System.getProperty("scratchnet.python", "python3");
    private static String numpyMissing;

    @BeforeAll
    static void lookForNumpy() throws InterruptedException {
        numpyMissing = numpyMissing();
    }

    /** Why numpy cannot be used, or null when it can. */
    private static String numpyMissing() throws InterruptedException {
        try {
            Process python = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return python.waitFor() == 0 ? null : PYTHON + " cannot import numpy (" + output
                    + "); install numpy for it or name another Python with -Dscratchnet.python=PATH";
        } catch (IOException e) {
            return "there is no " + PYTHON + " to run (" + e.getMessage()
                    + "); install Python 3 with numpy or name one with -Dscratchnet.python=PATH";
        }
    }

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void numpyReproducesThePredictions(String type) throws IOException, InterruptedException {
        // each case is reported as skipped, with the reason, where numpy cannot run
        assumeTrue(numpyMissing == null, () -> "skipped because " + numpyMissing);
        DataType dataType = DataType.valueOf(type);
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        Network net = Network.builder().seed(5).dataType(dataType)
                .dense(64, 20, Activation.leakyRelu(0.01)).dense(20, 16, Activation.SIGMOID)
                .dense(16, 10, Activation.SOFTMAX).build();
        net.fit(digits, Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5)).epochs(3).batchSize(32)
                .build());
        Path model = directory.resolve("model.zip");
        net.save(model);
        Path features = Files.write(directory.resolve("x.npy"), Npy.write(digits.features().castTo(dataType)));
        Path predictions = Files.write(directory.resolve("p.npy"), Npy.write(net.predict(digits.features())));

        Process python = new ProcessBuilder(PYTHON, "src/test/python/check_model.py",
                model.toString(), features.toString(), predictions.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor(), output);
    }
}
