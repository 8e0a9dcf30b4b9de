package dev.scratchnet.samples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The trials of a search as {@code tune} prints them (ranked, mean ± deviation) and as trials.csv. */
final class TrialTable {

    private static final String ROW = "%4s %5s  %-20s  %-12s  %-13s  %-8s  %-7s  %5s  %7s%n";

    private TrialTable() {
    }

    /** One line per trial in the given (ranked) order, under a header; a failed trial says why. */
    static String format(List<TableSearch.Trial> ranked, String metric) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, ROW, "rank", "trial", metric
                + " (mean ± sd)", "hidden", "learning-rate", "l2", "dropout", "batch", "seconds"));
        for (int i = 0; i < ranked.size(); i++) {
            TableSearch.Trial trial = ranked.get(i);
            TableTraining.Settings settings = trial.settings();
            String score = trial.failure() != null ? "failed"
                    : String.format(Locale.ROOT, "%.4f ± %.4f", trial.mean(), trial.deviation());
            table.append(String.format(Locale.ROOT, ROW, i + 1, trial.index(), score,
                    SearchSpace.widths(settings.hidden()), SearchSpace.number(settings.learningRate()),
                    SearchSpace.number(settings.l2()), SearchSpace.number(settings.dropout()), settings.batchSize(),
                    String.format(Locale.ROOT, "%.1f", trial.seconds())));
            if (trial.failure() != null) {
                table.append("           ").append(trial.failure()).append('\n');
            }
        }
        return table.toString();
    }

    /** The same trials as CSV, with each fold's score: {@code rank,trial,mean,deviation,…,fold_scores}. */
    static String csv(List<TableSearch.Trial> ranked, String metric) {
        StringBuilder csv = new StringBuilder("rank,trial," + metric + "_mean," + metric + "_sd,hidden,learning_rate,"
                + "l2,dropout,batch,seconds,fold_scores\n");
        for (int i = 0; i < ranked.size(); i++) {
            TableSearch.Trial trial = ranked.get(i);
            TableTraining.Settings settings = trial.settings();
            String folds = Arrays.stream(trial.scores()).mapToObj(score -> String.format(Locale.ROOT, "%.6f", score))
                    .collect(Collectors.joining(" "));
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,\"%s\",%s,%s,%s,%d,%.2f,%s%n", i + 1,
                    trial.index(), trial.mean(), trial.deviation(), SearchSpace.widths(settings.hidden()),
                    SearchSpace.number(settings.learningRate()), SearchSpace.number(settings.l2()),
                    SearchSpace.number(settings.dropout()), settings.batchSize(), trial.seconds(), folds));
        }
        return csv.toString();
    }
}
