package dev.scratchnet.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: only the fast backend's own package imports the fast backend. The
 * contract, the optimizers, the checks, the op table and this package reach it through
 * {@link FastBackend} and {@link java.util.ServiceLoader}.
 */
class DependencyDirectionTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/scratchnet");

    @Test
    void nothingOutsideTheFastBackendImportsIt() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("engine")))
                    .filter(DependencyDirectionTest::importsTheFastBackend)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsTheFastBackend(Path file) {
        try {
            return Files.readString(file).contains("import dev.scratchnet.engine.");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
