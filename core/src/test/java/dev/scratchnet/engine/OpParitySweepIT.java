package dev.scratchnet.engine;

/**
 * The full parity sweep: widths on both sides of every size branch of the fast side (the
 * 2048-element bulk threshold of {@link FastActivation}, the 2048-element chunks of the kernels,
 * rows wider than two chunks), row counts from one to many.
 */
class OpParitySweepIT extends OpParitySweep {

    @Override
    int[] widths() {
        return new int[] {1, 7, 2047, 2048, 2049, 4100};
    }

    @Override
    int[] rows() {
        return new int[] {1, 15, 300};
    }
}
