package dev.scratchnet.samples;

import dev.scratchnet.data.CsvFormat;
import picocli.CommandLine.Option;

/** How a command reads a CSV file: {@code --separator} and {@code --encoding}. A picocli mixin. */
final class CsvOptions {

    @Option(names = "--separator", paramLabel = "CHAR", description = "the CSV cell separator: one character or tab "
            + "(default: detected from the header line among , ; tab |)")
    String separator;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "the CSV file's encoding (default: UTF-8), "
            + "e.g. ISO-8859-1 or windows-1252")
    String encoding;

    /** The format the options give; fails on a bad separator or an unknown encoding. */
    CsvFormat format() {
        return CsvFormat.of(separator, encoding);
    }
}
