/**
 * The fast backend's element-wise loops, one class per op, on {@link dev.scratchnet.kernels.Values}:
 * plain {@code java.nio} buffers, no ND4J. Each kernel follows a readable spec class of
 * {@code scratchnet-core} (its doc names it) and is registered beside that class in the core's op
 * table; parity tests generated from the table hold the two together. Not API.
 */
package dev.scratchnet.kernels;
