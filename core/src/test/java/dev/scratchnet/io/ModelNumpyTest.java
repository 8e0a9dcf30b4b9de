package dev.scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Opt-in: {@code mvn test -pl core -Dscratchnet.python=python3 -Dtest=ModelNumpyTest} saves a
 * trained model and has {@code src/test/python/check_model.py} (zipfile and numpy only) reproduce
 * its predictions.
 */
@EnabledIfSystemProperty(named = "scratchnet.python", matches = ".+")
class ModelNumpyTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void numpyReproducesThePredictions(String type) throws IOException, InterruptedException {
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

        Process python = new ProcessBuilder(System.getProperty("scratchnet.python"), "src/test/python/check_model.py",
                model.toString(), features.toString(), predictions.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor(), output);
    }
}
