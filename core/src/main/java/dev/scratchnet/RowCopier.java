package dev.scratchnet;

import java.io.IOException;

/**
 * The rows of a block copied straight into arrays, without an ND4J array a batch: offered by the
 * library's own sources ({@link CsvSource}), whose rows would otherwise pass through arrays made
 * only to be copied. ND4J frees an array's memory only when the collector finds its Java object,
 * so such garbage would pile up outside the heap, up to JavaCPP's physical-memory ceiling.
 */
interface RowCopier {

    /**
     * Copies at most {@code maxRows} of the next rows into {@code x} (row after row, {@code numFeatures}
     * each) and {@code y} ({@code numOutputs} each); returns how many, 0 at the end of the block.
     */
    int next(int maxRows, double[] x, double[] y) throws IOException;
}
