/**
 * PNG plots drawn with XChart (and plain Java2D for image grids): training curves, a
 * confusion-matrix heat map, decision regions of a two-input network, and a grid of digit images.
 * {@link dev.scratchnet.plots.Plots} is the entry point and the only API here; every plot is
 * written to the file the caller names, never shown in a window, and runs headless.
 */
package dev.scratchnet.plots;
