package dev.scratchnet.samples;

import dev.scratchnet.Network;
import dev.scratchnet.data.Table;
import dev.scratchnet.runtime.TableColumns;
import dev.scratchnet.runtime.TableNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./scratchnet explain --model M [--csv FILE --row N | --image P]}: the math a saved model computes. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the equations a saved model computes, forward and backward, with its shapes; with "
                + "--row and --csv (or --image), trace one input through every layer."})
final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.zip")
    Path model;

    @Option(names = "--csv", paramLabel = "FILE", description = "a CSV file of inputs (a header line is skipped; "
            + "a model written by train picks its columns by name)")
    Path csv;

    @Mixin
    CsvOptions format;

    @Option(names = "--row", paramLabel = "N", description = "the data row of --csv to trace, counting from 1")
    Integer row;

    @Option(names = "--image", paramLabel = "IMAGE", description = "an image of one digit to trace, prepared as predict does")
    Path image;

    @Override
    public Integer call() throws IOException {
        if ((row == null) != (csv == null)) {
            throw new IllegalArgumentException("--row and --csv go together: --row N picks the data row of --csv FILE");
        }
        if (row != null && row < 1) {
            throw new IllegalArgumentException("--row counts data rows from 1, was " + row);
        }
        Network net = ModelFile.load(model);
        System.out.print(net.explain());
        double[] input = null;
        if (image != null) {
            input = ImageInput.read(image, ImageInput.side(net.nIn()));
        } else if (csv != null) {
            input = csvRow(net);
        }
        if (input != null) {
            System.out.println();
            System.out.print(net.explain(Nd4j.createFromArray(new double[][] {input}).castTo(net.dataType())));
        }
        return 0;
    }

    private double[] csvRow(Network net) throws IOException {
        if (!net.inputNames().isEmpty()) {
            Table table = Table.read(csv, format.format());
            if (row > table.size()) {
                throw new IllegalArgumentException("--row " + row + " but " + csv + " has " + table.size() + " data rows");
            }
            if (net.table().isPresent()) {
                // a table model: its columns by name, text one-hot and missing cells filled as predict does
                TableColumns columns = net.table().get();
                String[] cells = columns.names().stream().map(name -> table.cell(row - 1, table.column(name)))
                        .toArray(String[]::new);
                return columns.encode(cells, new TableNotes(note -> System.err.println(csv + ": " + note)));
            }
            return net.inputNames().stream().mapToDouble(name -> table.number(row - 1, table.column(name))).toArray();
        }
        CsvRows rows = CsvRows.read(csv, net.nIn());
        if (row > rows.values().length) {
            throw new IllegalArgumentException("--row " + row + " but " + csv + " has " + rows.values().length + " data rows");
        }
        return rows.values()[row - 1];
    }
}
