package dev.scratchnet.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.scratchnet.internal.Limits;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV table read one row at a time, so that a file larger than memory can pass through: the
 * header line names the columns, then {@link #next()} hands out each data row's cells, trimmed.
 * Parsing is FastCSV's (RFC 4180: quoted cells may hold the separator, quotes and line breaks);
 * this class adds what a person's file needs around it: a byte-order mark skipped, the separator
 * detected from the header when not given, bytes that are not the encoding refused with the file,
 * line and column, and rows whose cell count differs from the header's refused naming the line.
 * Blank lines are skipped. Lines are numbered as an editor numbers them (from 1, the header
 * included; a row whose quoted cell spans lines carries the number of its first line). A cell is at
 * most {@link Limits#maxCsvLineChars()} characters; only regular files are read.
 */
public final class TableReader implements Closeable {

    private final Path file;
    private final CsvFormat format;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<String> columnNames;
    private final char separator;
    private long line;

    private TableReader(Path file, CsvFormat format, CsvReader<CsvRecord> csv, char separator) throws IOException {
        this.file = file;
        this.format = format;
        this.csv = csv;
        this.records = csv.iterator();
        this.separator = separator;
        CsvRecord header = nextRecord();
        if (header == null) {
            throw new IllegalArgumentException(file + " needs a header line naming the columns and at least one data"
                    + " row; it has neither");
        }
        List<String> names = new ArrayList<>();
        header.getFields().forEach(name -> names.add(name.strip()));
        this.columnNames = List.copyOf(names);
        requireNamedColumns(header.getStartingLineNumber());
    }

    /** Opens {@code file} and reads its header line. */
    public static TableReader open(Path file, CsvFormat format) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "CSV table " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("CSV table " + file + " is not a regular file (a directory, a device or a pipe); "
                    + "expected a file of text lines");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                format.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        try {
            skipByteOrderMark(reader);
            char separator = format.separator() != null ? format.separator() : detect(reader);
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .maxBufferSize(Limits.maxCsvLineChars()).ofCsvRecord(reader);
            return new TableReader(file, format, csv, separator);
        } catch (CharacterCodingException e) {
            reader.close();
            throw new IOException(EncodingProblem.describe(file, format.encoding()), e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The header's names, in column order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The separator used: given, or detected from the header line. */
    public char separator() {
        return separator;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /**
     * The next data row's cells, trimmed, one per column, or null at the end of the file.
     *
     * @throws IllegalArgumentException when the row has another number of cells than the header
     * @throws IOException              when the file is not text in its encoding, or cannot be read
     */
    public String[] next() throws IOException {
        CsvRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        line = record.getStartingLineNumber();
        if (record.getFieldCount() != columnNames.size()) {
            throw new IllegalArgumentException(file + " line " + line + " has " + record.getFieldCount()
                    + " cells but the header names " + columnNames.size() + " columns");
        }
        String[] cells = new String[columnNames.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = record.getField(i).strip();
        }
        return cells;
    }

    /** The line (from 1) on which the row {@link #next()} returned last begins. */
    public long line() {
        return line;
    }

    private CsvRecord nextRecord() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new IOException(EncodingProblem.describe(file, format.encoding()), e.getCause());
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CharacterCodingException || cause instanceof UncheckedIOException unchecked
                    && unchecked.getCause() instanceof CharacterCodingException) {
                throw new IOException(EncodingProblem.describe(file, format.encoding()), e);
            }
            throw new IllegalArgumentException(file + ": not a CSV table FastCSV can read (" + e.getMessage()
                    + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "") + ")", e);
        }
    }

    private void requireNamedColumns(long headerLine) {
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).isEmpty()) {
                throw new IllegalArgumentException(file + " line " + headerLine + " (the header) leaves column "
                        + (i + 1) + " without a name");
            }
            if (columnNames.indexOf(columnNames.get(i)) != i) {
                throw new IllegalArgumentException(file + " line " + headerLine + " (the header) names column \""
                        + columnNames.get(i) + "\" twice");
            }
        }
    }

    /** Excel's "CSV UTF-8" starts with U+FEFF; left in, it would become part of the first column's name. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /**
     * The candidate separator that appears most often outside quotes on the first non-blank line
     * (comma on a tie or when none appears); the reader is left where it was.
     */
    private static char detect(BufferedReader reader) throws IOException {
        int limit = 1 << 16;
        reader.mark(limit + 1);
        int[] counts = new int[CsvFormat.CANDIDATES.length()];
        boolean quoted = false;
        boolean seenText = false;
        for (int i = 0, c = reader.read(); i < limit && c >= 0; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenText) {
                    break;
                }
            } else if (!quoted) {
                seenText |= !Character.isWhitespace(c) || c == '\t';
                int candidate = CsvFormat.CANDIDATES.indexOf(c);
                if (candidate >= 0) {
                    counts[candidate]++;
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return CsvFormat.CANDIDATES.charAt(best);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
