package dev.scratchnet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A user-written activation the op table does not know: {@code a = z³ / 3}, {@code dL/dz = dL/da · z²}.
 * Networks using it run on the reference backend.
 */
final class Cube implements Activation {

    @Override
    public INDArray forward(INDArray z) {
        return Transforms.pow(z, 3, true).divi(3.0);
    }

    @Override
    public INDArray backward(INDArray z, INDArray a, INDArray gradA) {
        return z.mul(z).muli(gradA);
    }

    @Override
    public String name() {
        return "cube";
    }
}
