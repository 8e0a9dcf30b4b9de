package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network trained on a CSV source learns, and its model file carries the source's table encoding. */
class CsvSourceIT {

    @Test
    void aNetworkTrainsOnTheSourceAndItsModelFileCarriesTheTable(@TempDir Path dir) throws IOException {
        Random random = new Random(4);
        List<String> lines = new ArrayList<>(List.of("size,colour,label"));
        for (int i = 0; i < 1000; i++) {
            double size = random.nextDouble() * 50;
            lines.add(String.format(Locale.ROOT, "%.3f,%s,%s", size, random.nextInt(9) == 0 ? "NA"
                    : new String[] {"red", "green"}[random.nextInt(2)], size > 25 ? "yes" : "no"));
        }
        Path file = Files.write(dir.resolve("table.csv"), lines);
        try (CsvSource source = DataSource.csv(file, "label")) {
            Network net = Network.builder().seed(1).input(source.numFeatures()).table(source.table())
                    .scaler(source.scaler()).dense(8, Activation.RELU).dense(source.numOutputs(), Activation.SOFTMAX)
                    .classNames(source.classNames()).build();
            TrainingHistory history = net.fit(source, Fit.builder().loss(Loss.CROSS_ENTROPY)
                    .optimizer(Optimizer.adam(0.02)).epochs(4).batchSize(16).validationSplit(0.2).seed(1).build());
            net.save(dir.resolve("model.zip"));

            assertTrue(history.validationAccuracy()[3] > 0.9, "learns the rule: " + history.toCsv());
            assertEquals(source.table(), Network.load(dir.resolve("model.zip")).table().orElseThrow());
        }
    }
}
