package dev.scratchnet.samples;

import dev.scratchnet.BatchResult;
import dev.scratchnet.CsvSource;
import dev.scratchnet.DataSet;
import dev.scratchnet.DataSource;
import dev.scratchnet.EpochResult;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.TrainingListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code train --csv} on a table read in passes ({@link DataSource#csv}), for files too large to
 * hold: the same model, settings and outputs as {@link TableTraining}, with the rows split by a
 * seeded hash of their number instead of a stratified shuffle — the test rows set apart before
 * anything is fitted, the validation rows (which choose the epoch count) held out by the fit. The
 * table encoding and the scalers are fitted on the training and validation rows together (in
 * memory, on the training rows alone). The refit on every row reads the same cached cells.
 */
final class StreamedTraining {

    /** What the streamed training made. */
    record Trained(Network measured, TrainingHistory history, Evaluation evaluation, Network saved, long rows) {
    }

    private StreamedTraining() {
    }

    /**
     * Reads, trains, evaluates on the held-out rows and refits (when {@code refit}).
     *
     * @param settingsFor the settings for a classification (true) or a regression (false)
     */
    static Trained run(TableOptions input, Function<Boolean, TableTraining.Settings> settingsFor, double testFraction,
                       boolean refit, boolean quiet) throws IOException {
        long started = System.nanoTime();
        TableTraining.Settings read = settingsFor.apply(true);
        CsvSource.Options options = CsvSource.Options.defaults().withFormat(input.format.format()).withTask(input.task)
                .withIndicators(read.indicators()).withUnseen(read.unseen())
                .withHoldOut(testFraction, read.seed())
                .withProgress(rows -> System.out.printf(Locale.ROOT, "read %d rows (%.0f s)%n", rows,
                        (System.nanoTime() - started) / 1e9));
        try (CsvSource source = DataSource.csv(input.csv, input.target, options)) {
            TableTraining.Settings settings = settingsFor.apply(source.classification());
            long rows = source.rows() + source.heldOutRows();
            System.out.printf(Locale.ROOT, "train: %s, %d rows, %d features, target \"%s\" (%s%s)%n", input.csv, rows,
                    source.featureNames().size(), input.target, source.classification() ? "classification"
                            : "regression", source.classification() ? ", classes " + String.join(", ",
                            source.classNames()) : "");
            if (source.droppedRows() > 0) {
                System.out.printf(Locale.ROOT, "left out %d rows whose target is missing%n", source.droppedRows());
            }
            System.out.printf(Locale.ROOT, "streamed: parsed once in %.0f s into a %d MB cache of cells; split by a "
                    + "hash of the row: %d training and validation rows (about %.0f%% of them validation), %d "
                    + "held-out rows (seed %d)%n", (System.nanoTime() - started) / 1e9, source.cacheBytes() >> 20,
                    source.rows(), 100 * settings.validationFraction(), source.heldOutRows(), settings.seed());
            Network measured = network(source, settings);
            Fit.Builder fit = TableTraining.fit(source.classification(), settings, settings.maxEpochs())
                    .validationSplit(settings.validationFraction()).earlyStopping(settings.patience());
            if (!quiet) {
                fit.listener(new Progress());
            }
            TrainingHistory history = measured.fit(source, fit.build());
            Evaluation evaluation = evaluate(measured, source.heldOut());
            Network saved = measured;
            if (refit) {
                System.out.printf(Locale.ROOT, "refit: every row, %d epochs%n", history.bestEpoch());
                try (CsvSource all = source.withoutHoldOut()) {
                    saved = network(all, settings);
                    Fit.Builder again = TableTraining.fit(all.classification(), settings, history.bestEpoch());
                    if (!quiet) {
                        again.listener(new Progress());
                    }
                    saved.fit(all, again.build());
                }
            }
            return new Trained(measured, history, evaluation, saved, rows);
        }
    }

    private static Network network(CsvSource source, TableTraining.Settings settings) {
        return TableTraining.network(settings, source.scaler(), source.needsTable() ? source.table() : null,
                source.featureNames(), source.classNames(), source.targetScaler().orElse(null));
    }

    /** The network's evaluation of {@code rows} (a CSV source's, whose batches it frees), predicted a block at a time. */
    static Evaluation evaluate(Network network, DataSource rows) throws IOException {
        List<INDArray> targets = new ArrayList<>();
        List<INDArray> predictions = new ArrayList<>();
        for (int block = 0; block < rows.blocks(); block++) {
            try (DataSource.Rows reader = rows.read(block)) {
                for (DataSet batch = reader.next(8192); batch != null; batch = reader.next(8192)) {
                    INDArray target = batch.targets().castTo(network.dataType());
                    targets.add(target);
                    predictions.add(network.predict(batch.features()));
                    // a CSV source's batches are made for this read alone: their memory goes back now
                    batch.features().close();
                    if (target != batch.targets()) {
                        batch.targets().close();
                    }
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no row was held out for the test; raise --test-fraction");
        }
        return Evaluation.of(Nd4j.concat(0, targets.toArray(INDArray[]::new)),
                Nd4j.concat(0, predictions.toArray(INDArray[]::new)));
    }

    /** The epoch lines, and within a long epoch a line at each tenth of its batches. */
    private static final class Progress implements TrainingListener {

        private long epochStarted = System.nanoTime();

        @Override
        public boolean wantsBatches() {
            return true;
        }

        @Override
        public void onBatchEnd(BatchResult batch) {
            int tenth = Math.max(1, batch.batches() / 10);
            if (batch.batches() >= 1000 && batch.batch() % tenth == 0 && batch.batch() < batch.batches()) {
                System.out.printf(Locale.ROOT, "epoch %d: %d%% of %d batches, %.0f s%n", batch.epoch(),
                        100L * batch.batch() / batch.batches(), batch.batches(),
                        (System.nanoTime() - epochStarted) / 1e9);
            }
        }

        @Override
        public void onEpochEnd(EpochResult result) {
            System.out.printf(Locale.ROOT, "%s  (%.0f s)%n", EpochLine.format(result),
                    (System.nanoTime() - epochStarted) / 1e9);
            epochStarted = System.nanoTime();
        }
    }
}
