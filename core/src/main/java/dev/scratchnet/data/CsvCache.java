package dev.scratchnet.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The cells of a CSV table after its one parse, as {@link CachedCell}s, {@code width} a row, in a
 * binary file: the later passes over the table read this file (8 bytes a cell, any row range
 * directly) instead of parsing text again. Written once, then read by any number of readers;
 * {@link #delete()} removes it.
 */
public final class CsvCache implements Closeable {

    /** Bytes a write or read moves at a time. */
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final int width;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long rows;

    private CsvCache(Path file, int width) throws IOException {
        this.file = file;
        this.width = width;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.buffer = ByteBuffer.allocateDirect(Math.max(BUFFER_BYTES / (8 * width), 1) * 8 * width);
    }

    /** A new, empty cache file of rows of {@code width} cells in {@code directory} (the temporary directory when null). */
    public static CsvCache create(Path directory, int width) throws IOException {
        Path file = directory == null ? Files.createTempFile("scratchnet-csv-", ".cells")
                : Files.createTempFile(directory, "scratchnet-csv-", ".cells");
        file.toFile().deleteOnExit();
        return new CsvCache(file, width);
    }

    /** Appends one row of {@code width} cells. */
    public void append(long[] row) throws IOException {
        if (buffer.remaining() < 8 * width) {
            flush();
        }
        for (long cell : row) {
            buffer.putLong(cell);
        }
        rows++;
    }

    /** Writes what is buffered; call once after the last {@link #append}. */
    public void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Rows written. */
    public long rows() {
        return rows;
    }

    /** Cells a row. */
    public int width() {
        return width;
    }

    /** Bytes of the file. */
    public long bytes() {
        return rows * width * 8L;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /**
     * Reads rows {@code [from, to)} into {@code cells} ({@code (to − from) · width} of them, row after
     * row); safe from several threads (positional reads).
     */
    public void read(long from, long to, long[] cells) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) ((to - from) * width * 8));
        long position = from * width * 8;
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, position + bytes.position());
            if (read < 0) {
                throw new IOException("cache file " + file + " ends before row " + to + "; was it changed by "
                        + "something else?");
            }
        }
        bytes.flip();
        LongBuffer longs = bytes.asLongBuffer();
        longs.get(cells, 0, (int) ((to - from) * width));
    }

    /** Closes and deletes the file. */
    public void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        delete();
    }
}
