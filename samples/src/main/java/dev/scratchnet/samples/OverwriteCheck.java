package dev.scratchnet.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses, before anything is written, a command whose output would replace one of its inputs
 * ({@code train --csv out/history.csv --output out}, {@code export --model m.zip --onnx m.zip}).
 * Paths are compared after resolving links, and existing files by identity (a hard link too).
 */
final class OverwriteCheck {

    private OverwriteCheck() {
    }

    /**
     * Fails when one of {@code files} in {@code outputFolder} is, or would replace, {@code input}
     * (a file, or a folder whose files are all inputs).
     *
     * @throws IllegalArgumentException naming both options and both paths
     */
    static void folder(String inputOption, Path input, String outputOption, Path outputFolder, List<String> files) {
        for (String file : files) {
            check(inputOption, input, outputOption + " " + outputFolder + " (its " + file + ")",
                    outputFolder.resolve(file));
        }
    }

    /**
     * Fails when writing {@code output} would replace {@code input} (a file, or a folder whose files
     * are all inputs).
     *
     * @throws IllegalArgumentException naming both options and both paths
     */
    static void file(String inputOption, Path input, String outputOption, Path output) {
        check(inputOption, input, outputOption + " " + output, output);
    }

    private static void check(String inputOption, Path input, String outputWords, Path output) {
        for (Path file : inputFiles(input)) {
            if (same(file, output)) {
                throw new IllegalArgumentException(outputWords + " would write over " + inputOption + " "
                        + (file.equals(input) ? input : file) + ", an input of this command; nothing was written. "
                        + "Write the output somewhere else, or copy the input first");
            }
        }
    }

    /** {@code input} itself, or the files directly inside it when it is a folder. */
    private static List<Path> inputFiles(Path input) {
        List<Path> files = new ArrayList<>(List.of(input));
        if (Files.isDirectory(input)) {
            try (Stream<Path> inside = Files.list(input)) {
                inside.forEach(files::add);
            } catch (IOException e) {
                // unreadable: the command's own reading reports it
            }
        }
        return files;
    }

    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back on the resolved names
        }
        return resolved(a).equals(resolved(b));
    }

    /** The path with every link resolved, as far as it exists; the rest appended as written. */
    static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : resolved(parent).resolve(absolute.getFileName());
        }
    }
}
