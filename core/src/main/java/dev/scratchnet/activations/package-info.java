/** One small class per activation, formula in its doc. Not API: use the constants on {@link dev.scratchnet.Activation}. */
package dev.scratchnet.activations;
