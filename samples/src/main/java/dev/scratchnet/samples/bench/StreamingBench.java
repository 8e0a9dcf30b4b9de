package dev.scratchnet.samples.bench;

import dev.scratchnet.Activation;
import dev.scratchnet.CsvSource;
import dev.scratchnet.DataSet;
import dev.scratchnet.DataSource;
import dev.scratchnet.Fit;
import dev.scratchnet.Initializer;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import dev.scratchnet.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Epochs streamed from a {@link CsvSource} against epochs of the same rows in memory: train's
 * network (64, 32 ReLU, softmax), Adam, batch 32, shuffled, the streamed fit first. Prints the
 * seconds of the parse and of each epoch (a streamed fit's first epoch holds its survey pass), and
 * the rows a second.
 * <pre>
 *   java -cp … dev.scratchnet.samples.bench.StreamingBench FILE TARGET [EPOCHS]
 * </pre>
 * The in-memory rows are the source's own rows read into one DataSet (float32), so both train on
 * the same values; that needs the heap and native memory for them.
 */
public final class StreamingBench {

    private StreamingBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long started = System.nanoTime();
        try (CsvSource source = DataSource.csv(file, args[1])) {
            System.out.printf(Locale.ROOT, "parse: %d rows, %d features in %.1f s (cache %d MB)%n", source.rows(),
                    source.numFeatures(), seconds(started), source.cacheBytes() >> 20);
            Network streamed = network(source);
            long start = System.nanoTime();
            streamed.fit(source, fit(epochs, "streamed", source.rows(), start));
            long read = System.nanoTime();
            DataSet rows = inMemory(source);
            System.out.printf(Locale.ROOT, "read into memory: %.1f s%n", seconds(read));
            Network held = network(source);
            start = System.nanoTime();
            held.fit(rows, fit(epochs, "in memory", source.rows(), start));
        }
    }

    private static Network network(CsvSource source) {
        return Network.builder().seed(1).input(source.numFeatures()).scaler(source.scaler())
                .dense(64, Activation.RELU, Initializer.HE).dense(32, Activation.RELU, Initializer.HE)
                .dense(source.numOutputs(), Activation.SOFTMAX).build();
    }

    /** {@code epochs} epochs; each epoch's seconds and rows a second printed as it ends (the first streamed one holds the survey pass). */
    private static Fit fit(int epochs, String kind, long rows, long start) {
        long[] last = {start};
        TrainingListener timing = result -> {
            double seconds = (System.nanoTime() - last[0]) / 1e9;
            last[0] = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s epoch %d: %.1f s, %.0f rows/s%n", kind, result.epoch(), seconds,
                    rows / seconds);
        };
        return Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(1e-3)).batchSize(32).epochs(epochs)
                .seed(1).listener(timing).build();
    }

    private static DataSet inMemory(DataSource source) throws IOException {
        List<INDArray> x = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        for (int block = 0; block < source.blocks(); block++) {
            try (DataSource.Rows reader = source.read(block)) {
                for (DataSet batch = reader.next(8192); batch != null; batch = reader.next(8192)) {
                    x.add(batch.features().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
                    y.add(batch.targets().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
                }
            }
        }
        return DataSet.of(Nd4j.concat(0, x.toArray(INDArray[]::new)), Nd4j.concat(0, y.toArray(INDArray[]::new)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
