/**
 * Prediction from saved scratchnet models in plain Java, without ND4J or any native library:
 * {@link dev.scratchnet.runtime.Model#load} reads the zip {@code Network.save} writes and
 * {@link dev.scratchnet.runtime.Model#predict(float[])} computes what {@code Network.predict} does,
 * with the activation loops of {@code scratchnet-kernels}, which the core's fast backend runs too.
 * {@link dev.scratchnet.runtime.Model} is the API; the other classes here are not.
 */
package dev.scratchnet.runtime;
