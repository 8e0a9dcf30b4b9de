package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies of a network's weights and biases, to show that a call left them exactly as they were. */
final class Weights {

    private Weights() {
    }

    /** A copy of every weight and bias, input side first. */
    static List<INDArray> of(Network net) {
        List<INDArray> copies = new ArrayList<>();
        for (Layer layer : net.layers()) {
            copies.add(layer.weights().dup());
            copies.add(layer.bias().dup());
        }
        return copies;
    }

    /** Fails unless {@code net}'s weights and biases equal {@code before} bit for bit. */
    static void assertUnchanged(List<INDArray> before, Network net, String after) {
        List<INDArray> now = of(net);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), now.get(i), "parameter " + i + " changed by " + after);
        }
    }

    /** SHA-256 of every weight and bias bit pattern (as float64), as hex: equal hashes mean bit-identical weights. */
    static String hash(Network net) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (INDArray array : of(net)) {
                double[] values = array.ravel().toDoubleVector();
                ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);
                for (double value : values) {
                    bytes.putLong(Double.doubleToRawLongBits(value));
                }
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
