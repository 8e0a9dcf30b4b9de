package dev.scratchnet.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an {@code --output} folder before a command loads data or trains, so that a location
 * that cannot be written fails in a second rather than after the training.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Fails unless {@code folder} is a folder that can be written, or can be created: the nearest
     * part of the path that exists must be a writable folder, and none of {@code files} may be a
     * folder inside it.
     *
     * @throws IllegalArgumentException naming the option, the path and what is wrong with it
     */
    static void check(String option, Path folder, List<String> files) {
        Path absolute = folder.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return; // nothing of it exists, not even a root: let the writing report what the system says
        }
        if (!Files.isDirectory(existing)) {
            String what = existing.equals(absolute) ? folder + " is a file"
                    : folder + " cannot be created because " + existing + " is a file";
            throw new IllegalArgumentException(option + " must be a folder (it receives " + String.join(", ", files)
                    + "), but " + what);
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + folder + " cannot be written: " + existing
                    + " is not writable");
        }
        for (String file : files) {
            if (Files.isDirectory(absolute.resolve(file))) {
                throw new IllegalArgumentException(option + " " + folder + " holds a folder named " + file
                        + ", where the file " + file + " is to be written");
            }
        }
    }
}
