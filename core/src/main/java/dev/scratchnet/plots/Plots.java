package dev.scratchnet.plots;

import dev.scratchnet.DataSet;
import dev.scratchnet.Evaluation;
import dev.scratchnet.Network;
import dev.scratchnet.TrainingHistory;
import dev.scratchnet.internal.Checks;
import dev.scratchnet.internal.ProcessSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes plots as PNG files of exactly {@code width × height} pixels, creating missing parent
 * directories. Nothing opens a window: AWT is put in headless mode before the first plot
 * (unless {@code java.awt.headless} says otherwise; see {@code ProcessSettings}).
 *
 * <pre>
 *   Plots.history(history, Path.of("history.png"), 900, 400);
 *   Plots.diagnostics(history, Path.of("diagnostics.png"), 1200, 800);   // a fit with diagnostics(true)
 *   Plots.confusionMatrix(net.evaluate(test), Path.of("confusion.png"), 600, 550);
 *   Plots.decisionRegions(net, spiral, Path.of("spiral.png"), 600, 600);
 *   Plots.digits(test.features(), net.predictClasses(test.features()), test.labels(), Path.of("digits.png"), 800, 800);
 * </pre>
 */
public final class Plots {

    private Plots() {
    }

    /**
     * Loss (left) and accuracy (right) per epoch, training curves solid, validation curves dashed
     * (when the fit had validation data). The accuracy panel is left out when the targets were not
     * classes (every accuracy NaN).
     */
    public static void history(TrainingHistory history, Path file, int width, int height) throws IOException {
        ProcessSettings.headless();
        Checks.notNull("history", history);
        Png.checkSize(width, height);
        // epochs without validation hold NaN, which draws nothing
        Png.write(HistoryChart.draw(history.trainLoss(), history.validationLoss(), history.trainAccuracy(),
                history.validationAccuracy(), width, height), file, width, height);
    }

    /**
     * The training diagnostics ({@link TrainingHistory#diagnostics()}) per epoch, one line per dense
     * layer: gradient norm, update ratio (with the usual 1e-3 dashed), weight norm, and the shares
     * of ReLUs that never fired and of saturated outputs.
     *
     * @throws IllegalArgumentException when the history has no diagnostics
     */
    public static void diagnostics(TrainingHistory history, Path file, int width, int height) throws IOException {
        ProcessSettings.headless();
        Checks.notNull("history", history);
        Png.checkSize(width, height);
        Png.write(DiagnosticsChart.draw(history.diagnostics(), width, height), file, width, height);
    }

    /** A heat map of the confusion matrix, true classes as rows (top to bottom), counts in the cells. */
    public static void confusionMatrix(Evaluation evaluation, Path file, int width, int height) throws IOException {
        ProcessSettings.headless();
        confusionMatrix(evaluation, null, file, width, height);
    }

    /** As {@link #confusionMatrix(Evaluation, Path, int, int)}, with one name per class (or null). */
    public static void confusionMatrix(Evaluation evaluation, List<String> classNames, Path file, int width, int height)
            throws IOException {
        ProcessSettings.headless();
        Checks.notNull("evaluation", evaluation);
        Png.checkSize(width, height);
        Png.write(ConfusionHeatMap.draw(evaluation.confusionMatrix(), classNames, width, height), file, width, height);
    }

    /**
     * The class the network predicts at every point of the plane around {@code data} (light
     * colours), with the examples on top coloured by their true class. Needs a network with two
     * inputs, such as the spiral's.
     */
    public static void decisionRegions(Network network, DataSet data, Path file, int width, int height)
            throws IOException {
        ProcessSettings.headless();
        Checks.notNull("network", network);
        Checks.notNull("data", data);
        Png.checkSize(width, height);
        Png.write(DecisionRegions.draw(network, data, width, height), file, width, height);
    }

    /**
     * A grid of square images (one per row of {@code images [n, side²]}, e.g. 8×8 or 28×28 digits)
     * captioned with the predicted class, and the true class in red where they differ.
     */
    public static void digits(INDArray images, int[] predicted, int[] actual, Path file, int width, int height)
            throws IOException {
        ProcessSettings.headless();
        Png.checkSize(width, height);
        Png.write(DigitGrid.draw(images, predicted, actual, width, height), file, width, height);
    }
}
