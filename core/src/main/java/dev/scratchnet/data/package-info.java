/** Readers and generators behind {@link dev.scratchnet.Datasets}. Not API. */
package dev.scratchnet.data;
