/**
 * Confusion matrix, per-class scores, the classification report and regression metrics behind
 * {@link dev.scratchnet.Evaluation}. Not API: use {@code net.evaluate(data)}.
 */
package dev.scratchnet.metrics;
