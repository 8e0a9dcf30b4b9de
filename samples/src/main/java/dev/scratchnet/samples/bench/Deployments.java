package dev.scratchnet.samples.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.Network;
import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * W3's network and test images, predicted the two other ways a deployed model runs: by
 * {@code scratchnet-runtime} from the saved file, and by ONNX Runtime from the exported file
 * (default session options). Each request arrives ready in the predictor's own input type, as
 * W3's arrive as ND4J arrays: a {@code float[]} for the runtime, an {@code OnnxTensor} for ONNX
 * Runtime; each prediction is read back into a Java array.
 */
final class Deployments implements AutoCloseable {

    private final Model runtime;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final float[][] images;
    private final List<OnnxTensor> imageTensors = new ArrayList<>();
    private final OnnxTensor allImages;

    Deployments(Network served, INDArray testImages, Path workDir) throws IOException {
        Path saved = workDir.resolve("served.zip");
        Path exported = workDir.resolve("served.onnx");
        served.save(saved);
        served.exportOnnx(exported);
        runtime = Model.load(saved);
        images = testImages.toFloatMatrix();
        try {
            session = environment.createSession(exported.toString(), new OrtSession.SessionOptions());
            for (float[] image : images) {
                imageTensors.add(OnnxTensor.createTensor(environment, new float[][] {image}));
            }
            allImages = OnnxTensor.createTensor(environment, images);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot open " + exported + ": " + e.getMessage(), e);
        }
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
        long start = System.nanoTime();
        for (OnnxTensor image : imageTensors) {
            run(image);
        }
        return seconds(start) / images.length;
    }

    /** ONNX Runtime, seconds per image when all images are predicted in one call. */
    double onnxBatched() {
        long start = System.nanoTime();
        run(allImages);
        return seconds(start) / images.length;
    }

    private float[][] run(OnnxTensor input) {
        try (OrtSession.Result result = session.run(Map.of("input", input))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws OrtException {
        for (OnnxTensor tensor : imageTensors) {
            tensor.close();
        }
        allImages.close();
        session.close();
    }
}
