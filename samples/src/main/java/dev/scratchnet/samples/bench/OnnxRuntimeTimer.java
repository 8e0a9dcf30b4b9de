package dev.scratchnet.samples.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * ONNX Runtime timing an exported model, for the bench's W3O rows. ONNX Runtime is a 139 MB jar
 * (every platform's natives), so it is not a dependency of the samples: the module
 * {@code onnx-check} implements this interface and registers it, and the rows run when its jar is on
 * the class path (see BENCHMARKS.md).
 */
public interface OnnxRuntimeTimer extends AutoCloseable {

    /** Seconds per image when each image is predicted on its own. */
    double single();

    /** Seconds per image when all images are predicted in one call. */
    double batched();

    @Override
    void close();

    /** Makes a timer for one exported model and its images. */
    interface Factory {
        /** A session on {@code exported}, with each image made into ONNX Runtime's input type before any clock starts. */
        OnnxRuntimeTimer open(Path exported, float[][] images);
    }

    /** A timer for {@code exported}, or empty when no ONNX Runtime is on the class path. */
    static Optional<OnnxRuntimeTimer> open(Path exported, float[][] images) {
        return ServiceLoader.load(Factory.class).findFirst().map(factory -> factory.open(exported, images));
    }
}
