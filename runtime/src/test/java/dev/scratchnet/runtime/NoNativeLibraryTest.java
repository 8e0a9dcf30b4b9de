package dev.scratchnet.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The runtime's class path (its own and its declared dependencies, as these tests see it) holds
 * neither ND4J nor JavaCPP, the two that bring native libraries.
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
}
