package dev.scratchnet.samples;

import dev.scratchnet.data.Table;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a command that learns from a CSV table ({@code train}, {@code tune}): the file, the
 * target column, the task, and how to read the file. A picocli mixin.
 */
final class TableOptions {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the table, with a header line")
    Path csv;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "the column to predict")
    String target;

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: "
            + "classification for text or at most 20 distinct whole numbers, else regression)")
    String task;

    @Mixin
    CsvOptions format;

    /** Fails on a bad {@code --task}, {@code --separator} or {@code --encoding}, before the file is read. */
    void check() {
        if (task != null && !task.equals("classification") && !task.equals("regression")) {
            throw new IllegalArgumentException("--task must be classification or regression, was " + task);
        }
        format.format();
    }

    /** The table read and turned into its learning task; numbers beyond float32 are refused by their line. */
    TableTask read() throws IOException {
        Table table = Table.read(csv, format.format());
        TableTask learning = TableTask.of(table, target, task);
        Float32Range.check(table, learning.classification() ? target : null);
        return learning;
    }
}
