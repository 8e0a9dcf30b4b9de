package dev.scratchnet.internal;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Shape words for messages: {@code [15, 64]}. */
public final class Shapes {

    private Shapes() {
    }

    /** The shape of {@code array} written as {@code [rows, columns]}. */
    public static String describe(INDArray array) {
        return Arrays.toString(array.shape());
    }
}
