package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * One epoch of a synchronous training as the workers need it, broadcast when the epoch starts.
 *
 * @param epoch    the epoch's number (from 1, a resumed training's counted on), from which dropout
 *                 draws its masks
 * @param order    the global rows in the order the epoch's global batches take them
 * @param maskRows for each position of {@code order}, the row's number among the epoch's
 *                 {@code order.length} training rows as {@code fit} numbers them (the rows not held
 *                 out, in order), whose dropout masks it draws; {@code order} itself when no row is
 *                 held out
 */
record EpochOrder(int epoch, int[] order, int[] maskRows) implements Serializable {

    private static final long serialVersionUID = 1L;
}
