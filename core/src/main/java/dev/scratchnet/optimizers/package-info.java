/** Optimizers, each with its own per-parameter state. Not API: use the factories on {@link dev.scratchnet.Optimizer}. */
package dev.scratchnet.optimizers;
