package dev.scratchnet.plots;

import dev.scratchnet.DataSet;
import dev.scratchnet.Network;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plane coloured by the class a two-input network predicts, with the data on top: a grid of
 * {@code cells × cells} points spanning the data's range plus a 10 % margin is classified in one
 * batch and drawn as light square markers, one series per class; the examples follow as dark dots.
 */
final class DecisionRegions {

    private static final int PIXELS_PER_CELL = 4;

    private DecisionRegions() {
    }

    static BufferedImage draw(Network network, DataSet data, int width, int height) {
        if (network.nIn() != 2 || data.numFeatures() != 2) {
            throw new IllegalArgumentException("decision regions need a network and data with 2 inputs, were "
                    + network.nIn() + " and " + data.numFeatures());
        }
        double[][] points = dev.scratchnet.internal.JavaRows.doubles(data.features());
        double[] xRange = range(points, 0);
        double[] yRange = range(points, 1);
        int cells = Math.max(20, Math.max(width, height) / PIXELS_PER_CELL);
        double[][] grid = new double[cells * cells][];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                grid[i * cells + j] = new double[] {xRange[0] + (xRange[1] - xRange[0]) * i / (cells - 1),
                    yRange[0] + (yRange[1] - yRange[0]) * j / (cells - 1)};
            }
        }
        int[] regionClasses = network.predictClasses(Nd4j.createFromArray(grid).castTo(network.dataType()));
        int classes = Math.max(network.nOut(), 2);

        XYChart chart = new XYChartBuilder().width(width).height(height).title("decision regions")
                .xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        chart.getStyler().setMarkerSize(PIXELS_PER_CELL + 3);
        for (int c = 0; c < classes; c++) {
            XYSeries region = addPoints(chart, "region " + c, grid, regionClasses, c);
            if (region != null) {
                region.setMarker(SeriesMarkers.SQUARE).setMarkerColor(Palette.light(c)).setShowInLegend(false);
            }
        }
        int[] labels = data.labels();
        for (int c = 0; c < classes; c++) {
            XYSeries examples = addPoints(chart, "class " + c, points, labels, c);
            if (examples != null) {
                examples.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Palette.strong(c));
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** [min − 10 %, max + 10 %] of column {@code column}, widened when all values are equal. */
    private static double[] range(double[][] points, int column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] point : points) {
            min = Math.min(min, point[column]);
            max = Math.max(max, point[column]);
        }
        double margin = max > min ? 0.1 * (max - min) : 1;
        return new double[] {min - margin, max + margin};
    }

    private static XYSeries addPoints(XYChart chart, String name, double[][] points, int[] classes, int c) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (classes[i] == c) {
                x.add(points[i][0]);
                y.add(points[i][1]);
            }
        }
        return x.isEmpty() ? null : chart.addSeries(name, x, y);
    }
}
