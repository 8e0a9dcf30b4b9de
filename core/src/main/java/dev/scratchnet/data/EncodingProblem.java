package dev.scratchnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a file stops being text in its encoding: decodes it again, counting lines and characters,
 * up to the first malformed or unmappable byte. Run only after a read failed, so the common path
 * pays nothing; the message names the file, line, column and byte, and says what to do.
 */
final class EncodingProblem {

    private EncodingProblem() {
    }

    /** The message for the first byte of {@code file} that is not {@code encoding}. */
    static String describe(Path file, Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        long column = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int read = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xff;
                    return file + " line " + line + " column " + column + ": byte 0x"
                            + String.format(Locale.ROOT, "%02X", bad) + " is not " + encoding.name() + " text; "
                            + "give the file's encoding with --encoding (for example ISO-8859-1 for Latin-1, "
                            + "windows-1252 for Excel on Windows), or save the file as UTF-8";
                }
                bytes.compact();
                if (end && !result.isOverflow()) {
                    break;
                }
            }
        } catch (IOException e) {
            return file + ": cannot be read again to find the bad byte (" + e.getMessage() + ")";
        }
        return file + " is not " + encoding.name() + " text; give its encoding with --encoding";
    }
}
