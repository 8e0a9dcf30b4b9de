package dev.scratchnet.server;

import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** One-layer model files written by hand, as the core writes them, so that the server's tests need no ND4J. */
final class TestModels {

    private TestModels() {
    }

    /**
     * A float32 model of one dense layer {@code nIn → nOut} with {@code activation}, W[i][j] = ((i + 2j) mod 5 − 2) / 10
     * and b = 0; {@code classNames} (format 2) when given.
     */
    static Model oneLayer(Path folder, int nIn, int nOut, String activation, String... classNames) {
        float[] weights = new float[nIn * nOut];
        for (int i = 0; i < nIn; i++) {
            for (int j = 0; j < nOut; j++) {
                weights[i * nOut + j] = ((i + 2 * j) % 5 - 2) / 10f;
            }
        }
        StringBuilder names = new StringBuilder();
        for (String name : classNames) {
            names.append(names.length() == 0 ? "" : ", ").append('"').append(name).append('"');
        }
        String json = "{\"format\": \"scratchnet-model\", \"formatVersion\": " + (classNames.length > 0 ? 2 : 1)
                + ", \"dataType\": \"float32\", \"seed\": 1, \"layers\": [{\"type\": \"dense\", \"nIn\": " + nIn
                + ", \"nOut\": " + nOut + ", \"activation\": {\"name\": \"" + activation + "\"}, \"initializer\": \"xavier\", "
                + "\"weights\": \"dense0.W.npy\", \"bias\": \"dense0.b.npy\"}]"
                + (classNames.length > 0 ? ", \"classNames\": [" + names + "]" : "") + "}";
        Path file = folder.resolve(activation + nIn + "x" + nOut + classNames.length + ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "model.json", json.getBytes(StandardCharsets.UTF_8));
            entry(zip, "dense0.W.npy", npy(weights, nIn, nOut));
            entry(zip, "dense0.b.npy", npy(new float[nOut], 1, nOut));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Model.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A float32 table model (format 3) of one softmax layer 4 → 2 over the columns "island" (text:
     * Biscoe, Dream, Torgersen; missing → Dream) and "length" (a number; missing → 40), weights as
     * {@link #oneLayer}, classes "small" and "large".
     */
    static Model table(Path folder) {
        float[] weights = new float[8];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                weights[i * 2 + j] = ((i + 2 * j) % 5 - 2) / 10f;
            }
        }
        String json = "{\"format\": \"scratchnet-model\", \"formatVersion\": 3, \"dataType\": \"float32\", \"seed\": 1, "
                + "\"layers\": [{\"type\": \"dense\", \"nIn\": 4, \"nOut\": 2, \"activation\": {\"name\": \"softmax\"}, "
                + "\"initializer\": \"xavier\", \"weights\": \"dense0.W.npy\", \"bias\": \"dense0.b.npy\"}], "
                + "\"classNames\": [\"small\", \"large\"], "
                + "\"inputNames\": [\"island=Biscoe\", \"island=Dream\", \"island=Torgersen\", \"length\"], "
                + "\"table\": {\"unseenCategories\": \"zeros\", \"columns\": [{\"name\": \"island\", \"kind\": \"text\", "
                + "\"categories\": [\"Biscoe\", \"Dream\", \"Torgersen\"], \"fill\": \"Dream\", \"missingIndicator\": false}, "
                + "{\"name\": \"length\", \"kind\": \"number\", \"fill\": 40.0, \"missingIndicator\": false}]}}";
        Path file = folder.resolve("table.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "model.json", json.getBytes(StandardCharsets.UTF_8));
            entry(zip, "dense0.W.npy", npy(weights, 4, 2));
            entry(zip, "dense0.b.npy", npy(new float[2], 1, 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Model.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The {@code .npy} version 1.0 bytes of float32 {@code values} with {@code shape}. */
    private static byte[] npy(float[] values, int... shape) {
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
}
