package dev.scratchnet.samples.bench;

import dev.scratchnet.Network;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * W3's network and test images, predicted the two other ways a deployed model runs: by
 * {@code scratchnet-runtime} from the saved file, and by ONNX Runtime from the exported file
 * (default session options) when it is on the class path ({@link OnnxRuntimeTimer}). Each request
 * arrives ready in the predictor's own input type, as W3's arrive as ND4J arrays: a {@code float[]}
 * for the runtime, an ONNX tensor for ONNX Runtime; each prediction is read back into a Java array.
 */
final class Deployments implements AutoCloseable {

    private final Model runtime;
    private final float[][] images;
    /** Null when ONNX Runtime is not on the class path. */
    private final OnnxRuntimeTimer onnx;

    Deployments(Network served, INDArray testImages, Path workDir) throws IOException {
        Path saved = workDir.resolve("served.zip");
        Path exported = workDir.resolve("served.onnx");
        served.save(saved);
        served.exportOnnx(exported);
        runtime = Model.load(saved);
        images = dev.scratchnet.internal.JavaRows.floats(testImages);
        onnx = OnnxRuntimeTimer.open(exported, images).orElse(null);
    }

    /** Whether ONNX Runtime is there to time. */
    boolean hasOnnxRuntime() {
        return onnx != null;
    }

    /** The runtime, seconds per image when each image is predicted on its own. */
    double runtimeSingle() {
        long start = System.nanoTime();
        for (float[] image : images) {
            runtime.predict(image);
        }
        return seconds(start) / images.length;
    }

    /** The runtime, seconds per image when all images are predicted in one call. */
    double runtimeBatched() {
        long start = System.nanoTime();
        runtime.predict(images);
        return seconds(start) / images.length;
    }

    /** ONNX Runtime, seconds per image when each image is predicted on its own. */
    double onnxSingle() {
        return onnx.single();
    }

    /** ONNX Runtime, seconds per image when all images are predicted in one call. */
    double onnxBatched() {
        return onnx.batched();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (onnx != null) {
            onnx.close();
        }
    }
}
