/** One class per loss, formula in its doc. Not API: use the constants on {@link dev.scratchnet.Loss}. */
package dev.scratchnet.losses;
