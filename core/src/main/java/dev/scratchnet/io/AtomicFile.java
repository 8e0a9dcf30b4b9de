package dev.scratchnet.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file beside the
 * target ({@code .NAME.RANDOM.tmp}, NAME cut to 32 characters; same directory, so same file
 * system), is flushed to disk, then renamed over the target. A crash or an exception leaves the
 * old file as it was. The rename replaces the directory entry: saving onto a symbolic link
 * replaces the link with the new file and leaves the file it pointed to as it was. A thread
 * interrupted while writing gets an {@link InterruptedIOException} (and keeps its interrupt flag).
 */
public final class AtomicFile {

    /** Writes content to a stream; may throw. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** How much of the target's name the temporary name keeps (code points; at most 4 bytes each). */
    private static final int KEPT_NAME_LENGTH = 32;

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
        Path temporary = target.resolveSibling(temporaryName(target.getFileName().toString()));
        try {
            Files.createDirectories(parent);
            writeThenRename(temporary, target, content);
        } catch (ClosedByInterruptException e) {
            throw new InterruptedIOException("cannot write " + path + ": the thread was interrupted while writing; "
                    + "the earlier file is left as it was");
        } catch (FileSystemException e) {
            // names the temporary file (or the parent): say it in the words of the target
            throw new IOException("cannot write " + path + ": " + reason(e, parent) + (Files.isDirectory(parent) && !Files.isWritable(parent)
                    ? " (" + parent + " is not writable)" : "")
                    + "; the earlier file, if any, is left as it was", e);
        } catch (IOException e) {
            if (e.getMessage() != null) {
                throw e;
            }
            throw new IOException("cannot write " + path + ": " + e.getClass().getName(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String reason(FileSystemException e, Path parent) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return Files.isDirectory(parent) ? "no file can be created in " + parent : "a folder on its path does not exist";
        }
        return e.getClass().getSimpleName();
    }

    /**
     * {@code .NAME.RANDOM.tmp} with NAME cut to its first {@value #KEPT_NAME_LENGTH} characters, so
     * that the temporary name stays well under the 255 bytes file systems allow whatever the
     * target's name (which may itself be 255 bytes long).
     */
    static String temporaryName(String name) {
        int kept = name.codePointCount(0, name.length()) <= KEPT_NAME_LENGTH ? name.length()
                : name.offsetByCodePoints(0, KEPT_NAME_LENGTH);
        return "." + name.substring(0, kept) + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    private static void writeThenRename(Path temporary, Path target, Content content) throws IOException {
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
    }
}
