package dev.scratchnet.samples;

import dev.scratchnet.Network;
import dev.scratchnet.data.Table;
import dev.scratchnet.data.CsvFormat;
import dev.scratchnet.runtime.TableColumns;
import java.nio.file.Path;
import java.util.*;

/** The defaults sweep of docs/tables.md: train as train --csv does (measure, then refit) on splits.py's splits. */
public class Sweep {
    public static void main(String[] args) throws Exception {
        // args: hidden lr l2 batch patience valfrac tables...
        List<Integer> hidden = Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
        double lr = Double.parseDouble(args[1]), l2 = Double.parseDouble(args[2]);
        int batch = Integer.parseInt(args[3]), patience = Integer.parseInt(args[4]);
        double val = Double.parseDouble(args[5]);
        for (int t = 6; t < args.length; t++) {
            String[] spec = args[t].split(":");
            double sumRefit = 0, sumMeasured = 0; long time = 0; StringBuilder each = new StringBuilder();
            for (int seed = 1; seed <= 3; seed++) {
                long start = System.nanoTime();
                Table trainTable = Table.read(Path.of("splits/" + spec[0] + "_" + seed + "_train.csv"));
                Table testTable = Table.read(Path.of("splits/" + spec[0] + "_" + seed + "_test.csv"));
                TableTask train = TableTask.of(trainTable, spec[1], null);
                TableTraining.Settings s = new TableTraining.Settings(hidden, lr, l2, batch, patience, val, 500, 1,
                        false, TableColumns.Unseen.ZEROS);
                int[] all = train.allRows();
                int[][] test = RowSplits.split(all, train.labels(), 0.8, 1);
                TableTraining.Trained measured = TableTraining.train(train, test[0], s, null);
                Network refit = TableTraining.refit(train, all, s, measured.chosenEpochs());
                time += System.nanoTime() - start;
                TableTask testTask = TableTask.of(testTable, spec[1], train.classification() ? "classification" : "regression");
                double r = score(refit, train, testTask), m = score(measured.network(), train, testTask);
                sumRefit += r; sumMeasured += m;
                each.append(String.format(" %.4f/%.4f(%d)", r, m, measured.chosenEpochs()));
            }
            System.out.printf("%s refit %.4f measured %.4f  %.1fs/run %s%n", spec[0], sumRefit / 3, sumMeasured / 3, time / 3e9, each);
        }
    }

    static double score(Network net, TableTask train, TableTask test) {
        // class indexes must agree: map test labels through class names
        if (train.classification()) {
            int[] rows = test.allRows();
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) labels[i] = train.classNames().indexOf(test.classNames().get(test.labels()[i]));
            TableTask mapped = new TableTask(test.cells(), test.featureNames(), labels, null, train.classNames(), train.needsTable(), 0);
            return TableTraining.score(net, mapped, rows);
        }
        TableTask mapped = new TableTask(test.cells(), test.featureNames(), null, test.values(), List.of(), train.needsTable(), 0);
        return TableTraining.score(net, mapped, test.allRows());
    }
}
