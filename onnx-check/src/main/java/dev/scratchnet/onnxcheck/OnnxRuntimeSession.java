package dev.scratchnet.onnxcheck;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.scratchnet.samples.bench.OnnxRuntimeTimer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime on an exported model with default session options, for the bench's W3O rows: each
 * image becomes an {@code OnnxTensor} before the clock starts, as W3's arrive as ND4J arrays, and each
 * prediction is read back into a Java array.
 */
public final class OnnxRuntimeSession implements OnnxRuntimeTimer {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final List<OnnxTensor> imageTensors = new ArrayList<>();
    private final OnnxTensor allImages;
    private final int count;

    private OnnxRuntimeSession(Path exported, float[][] images) throws OrtException {
        session = environment.createSession(exported.toString(), new OrtSession.SessionOptions());
        for (float[] image : images) {
            imageTensors.add(OnnxTensor.createTensor(environment, new float[][] {image}));
        }
        allImages = OnnxTensor.createTensor(environment, images);
        count = images.length;
    }

    /** The factory the bench finds through {@link java.util.ServiceLoader}. */
    public static final class Factory implements OnnxRuntimeTimer.Factory {
        @Override
        public OnnxRuntimeTimer open(Path exported, float[][] images) {
            try {
                return new OnnxRuntimeSession(exported, images);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot open " + exported + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public double single() {
        long start = System.nanoTime();
        for (OnnxTensor image : imageTensors) {
            run(image);
        }
        return (System.nanoTime() - start) / 1e9 / count;
    }

    @Override
    public double batched() {
        long start = System.nanoTime();
        run(allImages);
        return (System.nanoTime() - start) / 1e9 / count;
    }

    private float[][] run(OnnxTensor input) {
        try (OrtSession.Result result = session.run(Map.of("input", input))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (OnnxTensor tensor : imageTensors) {
            tensor.close();
        }
        allImages.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot close its session: " + e.getMessage(), e);
        }
    }
}
