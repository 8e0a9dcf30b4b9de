package dev.scratchnet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scratchnet.kernels.ActivationFacts;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime needs no native library: its class path (its own classes and its declared
 * dependencies, as these tests see them) holds neither ND4J nor JavaCPP, and no class of the
 * runtime or the kernels declares a native method, so any Java 17 virtual machine runs them.
 */
class NoNativeLibraryTest {

    @Test
    void nd4jIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.nd4j.linalg.factory.Nd4j"));
    }

    @Test
    void javaCppIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.bytedeco.javacpp.Loader"));
    }

    @Test
    void noClassOfTheRuntimeOrTheKernelsDeclaresANativeMethod() throws Exception {
        List<String> classes = new ArrayList<>();
        classes.addAll(classNames(Model.class));
        classes.addAll(classNames(ActivationFacts.class));
        List<String> natives = new ArrayList<>();
        for (String name : classes) {
            for (Method method : Class.forName(name).getDeclaredMethods()) {
                if (Modifier.isNative(method.getModifiers())) {
                    natives.add(name + "." + method.getName());
                }
            }
        }

        assertFalse(classes.size() < 10, "found only " + classes);
        assertEquals(List.of(), natives);
    }

    /** The classes in the folder or jar {@code type} was loaded from. */
    private static List<String> classNames(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return classNames(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classNames(jar.getPath("/"));
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .filter(name -> !name.endsWith("package-info") && !name.startsWith("META-INF"))
                    .toList();
        }
    }
}
