/**
 * The backend boundary: {@link dev.scratchnet.arithmetic.Arithmetic}, what a network asks of the
 * code that does its math, with the readable reference backend beside it and the choice between
 * backends. The fast backend ({@code dev.scratchnet.engine}) implements the same interface and is
 * found through {@link java.util.ServiceLoader}, so nothing here or in the contract imports it.
 * Not API.
 */
package dev.scratchnet.arithmetic;
