package dev.scratchnet.data;

import dev.scratchnet.internal.Limits;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The lines of a UTF-8 text file, one at a time, each at most {@link Limits#maxCsvLineChars()}
 * characters, so that a file without line breaks (or {@code /dev/zero}) cannot fill the memory.
 * Only regular files are read: a directory, a device or a pipe is refused before reading.
 * <p>
 * Lines are numbered from 1 as editors, {@code wc -l} and {@code sed -n 5p} number them: a line ends
 * at {@code \n}, a {@code \r} just before it is dropped, and nothing else ends a line.
 */
public final class Lines implements Closeable {

    private final Path file;
    private final BufferedReader reader;
    private final int maxChars;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int count;
    private int number;

    private Lines(Path file, BufferedReader reader, int maxChars) {
        this.file = file;
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /**
     * Opens {@code file}; {@code kind} names what it should hold in messages ({@code "CSV file"}).
     *
     * @throws IOException when it does not exist or is not a regular file
     */
    public static Lines open(Path file, String kind) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, kind + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(kind + " " + file + " is not a regular file (a directory, a device or a pipe); "
                    + "expected a file of text lines");
        }
        return new Lines(file, Files.newBufferedReader(file, StandardCharsets.UTF_8), Limits.maxCsvLineChars());
    }

    /**
     * The next line without its line break, or null at the end of the file.
     *
     * @throws IOException when the line is longer than the limit, naming the file and the line
     */
    public String next() throws IOException {
        if (!fill()) {
            return null;
        }
        number++;
        StringBuilder line = new StringBuilder();
        while (fill()) {
            int end = position;
            while (end < count && buffer[end] != '\n') {
                end++;
            }
            if (line.length() + (end - position) > maxChars) {
                throw new IOException(file + " line " + number + " is longer than " + maxChars + " characters, the "
                        + "longest line read (raise the limit with -D" + Limits.MAX_CSV_LINE_CHARS + "=N)");
            }
            line.append(buffer, position, end - position);
            position = end;
            if (end < count) {
                position++; // past the '\n'
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                break;
            }
        }
        return line.toString();
    }

    /** True when there is a character to read at {@code position}, reading more when needed. */
    private boolean fill() throws IOException {
        if (position < count) {
            return true;
        }
        count = Math.max(0, reader.read(buffer));
        position = 0;
        return count > 0;
    }

    /** The number of the line {@link #next()} returned last (1 for the first line). */
    public int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
