package dev.scratchnet.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Loss and accuracy per epoch, side by side: training solid blue, validation dashed orange. */
final class HistoryChart {

    private HistoryChart() {
    }

    /**
     * Draws the curves; each array has one value per epoch (epoch 1 first) and may be empty or
     * hold NaN where nothing was measured. A panel with nothing to draw is left out.
     */
    static BufferedImage draw(double[] trainLoss, double[] validationLoss, double[] trainAccuracy,
                              double[] validationAccuracy, int width, int height) {
        if (!hasValues(trainLoss) && !hasValues(validationLoss)) {
            throw new IllegalArgumentException("the history has no finite loss to plot (" + trainLoss.length
                    + " epochs)");
        }
        boolean accuracy = hasValues(trainAccuracy) || hasValues(validationAccuracy);
        BufferedImage image = Png.canvas(width, height);
        Graphics2D graphics = image.createGraphics();
        int lossWidth = accuracy ? width / 2 : width;
        panel("loss", trainLoss, validationLoss, lossWidth, height).paint(graphics, lossWidth, height);
        if (accuracy) {
            graphics.translate(lossWidth, 0);
            panel("accuracy", trainAccuracy, validationAccuracy, width - lossWidth, height)
                    .paint(graphics, width - lossWidth, height);
        }
        graphics.dispose();
        return image;
    }

    private static XYChart panel(String quantity, double[] train, double[] validation, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(quantity + " per epoch")
                .xAxisTitle("epoch").yAxisTitle(quantity).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // below the plot, so that no curve runs under it (accuracy near 1.0 used to hide behind it)
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // whole epochs only, at least 60 px apart, so that labels never run together from 5 to 500 epochs
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.getStyler().setXAxisMaxLabelCount(Math.max(2, width / 60));
        chart.setCustomXAxisTickLabelsFormatter(x -> x == Math.rint(x) ? String.valueOf(Math.round(x)) : "");
        if (quantity.equals("accuracy")) {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        add(chart, "training " + quantity, train, new Color(0x1f77b4), false);
        add(chart, "validation " + quantity, validation, new Color(0xff7f0e), true);
        spaceTheEpochTicks(chart, train);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] values, Color color, boolean dashed) {
        int[] epochs = IntStream.range(0, values.length).filter(i -> Double.isFinite(values[i])).toArray();
        if (epochs.length == 0) {
            return;
        }
        double[] x = Arrays.stream(epochs).mapToDouble(i -> i + 1).toArray();
        double[] y = Arrays.stream(epochs).mapToDouble(i -> values[i]).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarker(SeriesMarkers.NONE);
        if (dashed) {
            series.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        }
    }

    /**
     * XChart labels equally spaced x values (our epochs) by skipping as few as fit without overlap,
     * which at 60 epochs runs the labels together; one invisible point between epochs 1 and 2
     * makes it choose round steps (1, 10, 20 …) at the spacing hint instead.
     */
    private static void spaceTheEpochTicks(XYChart chart, double[] values) {
        int[] finite = IntStream.range(0, values.length).filter(i -> Double.isFinite(values[i])).toArray();
        if (finite.length < 2) {
            return;
        }
        double y = values[finite[0]];
        XYSeries spacer = chart.addSeries(" ", new double[] {finite[0] + 1.5}, new double[] {y});
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setLineColor(new Color(0, 0, 0, 0));
        spacer.setShowInLegend(false);
    }

    private static boolean hasValues(double[] values) {
        return values != null && Arrays.stream(values).anyMatch(Double::isFinite);
    }
}
