package dev.scratchnet.plots;

import dev.scratchnet.LayerDiagnostics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training diagnostics per epoch, one line per dense layer, in four panels (2 × 2): gradient
 * norm ‖dW‖ and update ratio ‖ΔW‖/‖W‖ on log scales (the ratio with a dashed line at the usual
 * 1e-3), weight norm ‖W‖, and the share of ReLUs that never fired (solid) and of saturated
 * sigmoid/tanh outputs (dashed).
 */
final class DiagnosticsChart {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private DiagnosticsChart() {
    }

    /** Draws {@code diagnostics} (epoch by epoch, layer by layer, as the history holds them). */
    static BufferedImage draw(List<LayerDiagnostics> diagnostics, int width, int height) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("the history has no diagnostics to plot; train with "
                    + "Fit.builder().diagnostics(true)");
        }
        int layers = diagnostics.stream().mapToInt(LayerDiagnostics::layer).max().orElseThrow();
        BufferedImage image = Png.canvas(width, height);
        Graphics2D graphics = image.createGraphics();
        int w = width / 2;
        int h = height / 2;
        XYChart[] panels = {
            panel("gradient norm ‖dW‖", true, w, h, diagnostics, layers, LayerDiagnostics::gradientNorm, null),
            panel("update ratio ‖ΔW‖/‖W‖", true, w, h, diagnostics, layers, LayerDiagnostics::updateRatio, null),
            panel("weight norm ‖W‖", false, w, h, diagnostics, layers, LayerDiagnostics::weightNorm, null),
            panel("share never fired (—) / saturated (- -)", false, w, h, diagnostics, layers,
                    LayerDiagnostics::neverFired, LayerDiagnostics::saturated)};
        addGuide(panels[1], diagnostics);
        for (XYChart logPanel : new XYChart[] {panels[0], panels[1]}) {
            if (logPanel.getStyler().isYAxisLogarithmic()) {
                spanWholeDecades(logPanel);
            }
        }
        panels[3].getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (int i = 0; i < panels.length; i++) {
            Graphics2D cell = (Graphics2D) graphics.create((i % 2) * w, (i / 2) * h, w, h);
            panels[i].paint(cell, w, h);
            cell.dispose();
        }
        graphics.dispose();
        return image;
    }

    private static XYChart panel(String title, boolean log, int width, int height, List<LayerDiagnostics> diagnostics,
                                 int layers, ToDoubleFunction<LayerDiagnostics> value,
                                 ToDoubleFunction<LayerDiagnostics> dashedValue) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("epoch").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern(log ? "0.0E0" : "#0.###");
        for (int layer = 1; layer <= layers; layer++) {
            Color color = COLORS[(layer - 1) % COLORS.length];
            add(chart, "dense layer " + layer, diagnostics, layer, value, log, color, false);
            if (dashedValue != null) {
                add(chart, "dense layer " + layer + " saturated", diagnostics, layer, dashedValue, log, color, true);
            }
        }
        // a log axis takes only positive values; with none left, it stays linear
        chart.getStyler().setYAxisLogarithmic(log && !chart.getSeriesMap().isEmpty());
        return chart;
    }

    /**
     * A log axis is labelled at powers of ten only: its range is widened to the decades around the
     * values, so that at least two labels show even when every value lies within one decade.
     */
    private static void spanWholeDecades(XYChart chart) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        double bottom = Math.pow(10, Math.floor(Math.log10(low)));
        double top = Math.max(Math.pow(10, Math.ceil(Math.log10(high))), bottom * 10);
        chart.getStyler().setYAxisMin(bottom).setYAxisMax(top);
    }

    private static void add(XYChart chart, String name, List<LayerDiagnostics> diagnostics, int layer,
                            ToDoubleFunction<LayerDiagnostics> value, boolean log, Color color, boolean dashed) {
        List<LayerDiagnostics> points = diagnostics.stream().filter(d -> d.layer() == layer)
                .filter(d -> Double.isFinite(value.applyAsDouble(d)) && (!log || value.applyAsDouble(d) > 0)).toList();
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(LayerDiagnostics::epoch).toArray();
        double[] y = points.stream().mapToDouble(value).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarker(x.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setMarkerColor(color);
        if (dashed) {
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 4f}, 0f));
        }
    }

    /** The usual healthy update ratio, 1e-3, across the epochs. */
    private static void addGuide(XYChart chart, List<LayerDiagnostics> diagnostics) {
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        double[] epochs = diagnostics.stream().mapToDouble(LayerDiagnostics::epoch).distinct().sorted().toArray();
        double[] guide = new double[epochs.length];
        Arrays.fill(guide, 1e-3);
        XYSeries series = chart.addSeries("1e-3", epochs, guide);
        series.setLineColor(Color.GRAY);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {3f, 3f}, 0f));
    }
}
