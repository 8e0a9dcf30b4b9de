package dev.scratchnet.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file beside the
 * target ({@code .NAME.RANDOM.tmp}, same directory, so same file system), is flushed to disk,
 * then renamed over the target. A crash or an exception leaves the old file as it was.
 */
public final class AtomicFile {

    /** Writes content to a stream; may throw. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code path}, creating missing parent directories. */
    public static void write(Path path, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + path + ": it is a directory; expected a file name");
        }
        Path parent = target.getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + path + ": its parent " + parent + " is a file, not a directory");
        }
        Files.createDirectories(parent);
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW rather than createTempFile, so the file gets the usual permissions (umask), not 0600
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
