/**
 * The prediction server behind {@code ./scratchnet serve}: a saved model answers JSON requests
 * ({@code POST /predict}, {@code GET /model}, {@code GET /health}) and drawings from the page at
 * {@code /} ({@code POST /predict-image}), predicting through {@code dev.scratchnet.runtime.Model}
 * — plain Java, no ND4J — on an embedded Jetty 12. {@link dev.scratchnet.server.PredictionServer}
 * is the entry point; the other classes are not API.
 */
package dev.scratchnet.server;
