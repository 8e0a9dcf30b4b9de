package dev.scratchnet.runtime.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip read within bounds, the way model files are read (and any other zip of JSON and
 * {@code .npy} entries may be): the file must start as a zip does and name each entry once; a
 * text entry is read up to a limit; an array entry's {@code .npy} header is read first, so that a
 * caller can refuse its shape before any data, and then exactly the data the shape needs, after a
 * {@link Npy.MemoryCheck}; every entry read is checked against the CRC-32 the zip recorded. Nothing
 * an entry would inflate to beyond that is read. Problems are {@link FileProblem}s without the
 * file's name; damage the zip library finds shows as a {@link ZipException} or
 * {@link java.io.EOFException}, which the caller words for the whole file.
 */
public final class BoundedZip implements AutoCloseable {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private final ZipFile zip;
    private final Set<String> names;

    private BoundedZip(ZipFile zip, Set<String> names) {
        this.zip = zip;
        this.names = names;
    }

    /**
     * Opens the zip at {@code path}.
     *
     * @param what what the zip should be, for the message when it is not one, e.g.
     *             {@code a saved model is a zip holding model.json}
     * @throws NoSuchFileException when there is no regular file at {@code path}
     * @throws FileProblem         when the file is empty, is not a zip, or names an entry twice
     */
    public static BoundedZip open(Path path, String what) throws IOException, FileProblem {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no model file here");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(ZIP_MAGIC.length);
        }
        if (start.length == 0) {
            throw new FileProblem("the file is empty");
        }
        if (!Arrays.equals(start, ZIP_MAGIC) && !Arrays.equals(start, EMPTY_ZIP_MAGIC)) {
            throw new FileProblem("not a zip file (" + what + ")");
        }
        ZipFile zip = new ZipFile(path.toFile());
        try {
            return new BoundedZip(zip, entryNames(zip));
        } catch (FileProblem | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The names of the zip's entries, each of which must appear once. */
    private static Set<String> entryNames(ZipFile zip) throws FileProblem {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                throw new FileProblem("the zip holds entry \"" + name + "\" more than once; a model file names "
                        + "each entry once, so that every reader sees the same model");
            }
        }
        return names;
    }

    /** The entries' names in zip order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    /**
     * The bytes of entry {@code name}, checked against the zip's CRC-32; at most {@code limit}
     * bytes are read, and an entry longer than that is refused, naming {@code limitProperty} as
     * the way to raise the limit.
     */
    public byte[] bytes(String name, int limit, String limitProperty) throws IOException, FileProblem {
        ZipEntry entry = entry(name);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                throw new FileProblem(name + " is larger than " + limit + " bytes, the most this version reads "
                        + "(raise the limit with -D" + limitProperty + "=N)");
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new FileProblem(name + " is damaged (" + e.getMessage() + ")", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        requireChecksum(entry, crc.getValue());
        return bytes;
    }

    /** A check of an array's header (its data type and shape), made before its data is read. */
    @FunctionalInterface
    public interface HeaderCheck {
        void check(Npy.Header header) throws FileProblem;
    }

    /**
     * The array in entry {@code name}: its header is handed to {@code check} before a single data
     * byte is read, then {@code memory} is asked, then exactly the data the shape needs is read.
     * A problem in the {@code .npy} bytes is reported as {@code what (name): problem}, e.g.
     * {@code dense layer 1 weights (dense0.W.npy): .npy data has 28 bytes but …}.
     */
    public NpyArray array(String name, String what, HeaderCheck check, Npy.MemoryCheck memory)
            throws IOException, FileProblem {
        ZipEntry entry = entry(name);
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            NpyArray array;
            try {
                Npy.Header header = Npy.readHeader(in);
                check.check(header);
                array = Npy.readData(in, header, memory);
            } catch (ZipException | java.io.EOFException e) {
                throw new FileProblem(name + " is damaged (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new FileProblem(what + " (" + name + "): " + e.getMessage());
            }
            requireChecksum(entry, in.getChecksum().getValue());
            return array;
        }
    }

    private ZipEntry entry(String name) throws FileProblem {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new FileProblem("the zip has no " + name
                    + (ModelFileFormat.MODEL_JSON.equals(name) ? " (not a scratchnet model)" : ""));
        }
        return entry;
    }

    private static void requireChecksum(ZipEntry entry, long crc) throws FileProblem {
        if (entry.getCrc() != -1 && crc != entry.getCrc()) {
            throw new FileProblem(entry.getName() + " is damaged: its checksum does not match");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
