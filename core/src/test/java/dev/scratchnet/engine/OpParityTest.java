package dev.scratchnet.engine;

/**
 * The parity sweep of every op on a grid that crosses each size branch of the fast side once: a
 * single element, a short row, and rows one element wider than the 2048-element bulk threshold of
 * {@link FastActivation} and the kernels' chunks, for one row and for several. The full grid, with
 * both sides of every threshold and hundreds of rows, is {@link OpParitySweepIT}'s.
 */
class OpParityTest extends OpParitySweep {

    @Override
    int[] widths() {
        return new int[] {1, 7, 2049};
    }

    @Override
    int[] rows() {
        return new int[] {1, 15};
    }
}
