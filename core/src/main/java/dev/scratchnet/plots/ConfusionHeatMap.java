package dev.scratchnet.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** The confusion matrix as a heat map: predicted class across, true class down, counts written in the cells. */
final class ConfusionHeatMap {

    private ConfusionHeatMap() {
    }

    static BufferedImage draw(int[][] counts, List<String> classNames, int width, int height) {
        int classes = counts.length;
        if (classNames != null && classNames.size() != classes) {
            throw new IllegalArgumentException("expected " + classes + " class names, one per class, but "
                    + classNames.size() + " were given: " + classNames);
        }
        List<String> predicted = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            predicted.add(classNames == null ? Integer.toString(c) : classNames.get(c));
            // the y axis runs upwards, so list the true classes last to first to put class 0 on top
            actual.add(classNames == null ? Integer.toString(classes - 1 - c) : classNames.get(classes - 1 - c));
        }
        List<Number[]> cells = new ArrayList<>();
        int max = 1;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                cells.add(new Number[] {p, classes - 1 - t, counts[t][p]});
                max = Math.max(max, counts[t][p]);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title("confusion matrix")
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(max);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x08519c)});
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("counts", predicted, actual, cells);
        return BitmapEncoder.getBufferedImage(chart);
    }
}
