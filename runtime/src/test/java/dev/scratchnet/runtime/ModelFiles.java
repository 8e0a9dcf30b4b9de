package dev.scratchnet.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Model files written by hand, as the core writes them, for tests that must not depend on the core. */
final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * A float32 model of two dense layers: 2 inputs, 2 hidden ({@code hidden} activation), 2 outputs
     * ({@code output} activation), with W0 = [[1, -1], [2, 0.5]], b0 = [0.5, -1], W1 = [[1, -1], [-2, 1]],
     * b1 = [0.25, 0.5].
     */
    static Map<String, byte[]> twoLayers(String hidden, String output) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.json", json("{\"format\": \"scratchnet-model\", \"formatVersion\": 1, \"dataType\": \"float32\", "
                + "\"seed\": 1, \"layers\": ["
                + layer(0, 2, 2, hidden) + ", " + layer(1, 2, 2, output) + "]}"));
        entries.put("dense0.W.npy", npy(new float[] {1, -1, 2, 0.5f}, 2, 2));
        entries.put("dense0.b.npy", npy(new float[] {0.5f, -1}, 1, 2));
        entries.put("dense1.W.npy", npy(new float[] {1, -1, -2, 1}, 2, 2));
        entries.put("dense1.b.npy", npy(new float[] {0.25f, 0.5f}, 1, 2));
        return entries;
    }

    static String layer(int index, int nIn, int nOut, String activation) {
        return "{\"type\": \"dense\", \"nIn\": " + nIn + ", \"nOut\": " + nOut + ", \"activation\": " + activation
                + ", \"initializer\": \"xavier\", \"weights\": \"dense" + index + ".W.npy\", \"bias\": \"dense" + index
                + ".b.npy\"}";
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code .npy} version 1.0 bytes of float32 {@code values} with {@code shape}. */
    static byte[] npy(float[] values, int... shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int size : shape) {
            tuple.append(size).append(", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple.append(")") + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float value : values) {
            out.putFloat(value);
        }
        return out.array();
    }

    static Path write(Path path, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return path;
    }
}
