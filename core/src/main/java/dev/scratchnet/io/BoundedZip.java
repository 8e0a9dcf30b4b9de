package dev.scratchnet.io;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads zip entries with a bound, for files other than models that hold JSON and {@code .npy}
 * arrays (checkpoints): a small entry up to a limit, an array's header first and then exactly the
 * bytes its shape needs after checking they fit in memory. Whatever an entry would inflate to
 * beyond that is never read, so a small file that inflates to gigabytes is refused, not an
 * {@link OutOfMemoryError}. Each entry's CRC-32 is checked.
 */
public final class BoundedZip {

    private BoundedZip() {
    }

    /**
     * The bytes of entry {@code name}, at most {@code limit} of them.
     *
     * @param property the system property that raises the limit, named in the refusal
     * @throws IOException when the entry is missing, larger than {@code limit}, or damaged
     */
    public static byte[] entry(ZipFile zip, String name, int limit, String property) throws IOException {
        ZipEntry entry = require(zip, name);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            byte[] bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                throw new IOException(name + " is larger than " + limit + " bytes, the most this version reads "
                        + "(raise the limit with -D" + property + "=N)");
            }
            requireChecksum(entry, in.getChecksum().getValue());
            return bytes;
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(name + " is damaged (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The {@code .npy} array in entry {@code name}: the header is read first, then exactly the data
     * its shape needs, once that is known to fit in memory; more data than that is refused.
     *
     * @throws IOException when the entry is missing, not a float array, too large, or damaged
     */
    public static INDArray array(ZipFile zip, String name) throws IOException {
        ZipEntry entry = require(zip, name);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            INDArray array;
            try {
                array = Npy.readData(in, Npy.readHeader(in));
            } catch (ZipException | java.io.EOFException e) {
                throw new IOException(name + " is damaged (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new IOException(name + ": " + e.getMessage(), e);
            }
            requireChecksum(entry, in.getChecksum().getValue());
            return array;
        }
    }

    private static ZipEntry require(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("it has no entry " + name);
        }
        return entry;
    }

    private static void requireChecksum(ZipEntry entry, long crc) throws IOException {
        if (entry.getCrc() != -1 && crc != entry.getCrc()) {
            throw new IOException(entry.getName() + " is damaged: its checksum does not match");
        }
    }
}
