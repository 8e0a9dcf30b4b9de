package dev.scratchnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.DataSet;
import dev.scratchnet.Evaluation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.parallel.Isolated;

/** Allocations sized by input are compared with the memory there is, and class counts with their limit. */
// runs alone while other classes run in parallel (junit-platform.properties): it sets a limit as a system property and measures the process's resident size
@Isolated
class MemoryTest {

    @Test
    void anAllocationBeyondTheHeapIsRefusedNamingBytesAndLimit() {
        long tooMuch = Runtime.getRuntime().maxMemory() + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memory.requireHeap("a test array", tooMuch));
        assertTrue(e.getMessage().startsWith("a test array needs " + tooMuch + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("maximum heap " + Runtime.getRuntime().maxMemory() + " bytes"), e.getMessage());
    }

    @Test
    void anNd4jAllocationBeyondJavaCppsLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memory.requireNative("weights [4, 500000000] and their gradients", Memory.bytes(4_000_000_000L, 8)));
        // beyond the 8 GiB that the tests' -Xmx2g allows (4 times the heap)
        assertTrue(e.getMessage().startsWith("weights [4, 500000000] and their gradients needs 32000000000 bytes "),
                e.getMessage());
        assertTrue(e.getMessage().contains("of ND4J memory but only"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dorg.bytedeco.javacpp.maxbytes"), e.getMessage());
    }

    @Test
    void theNativeLimitIsThePhysicalCeilingLessTheResidentSizeNotJavaCppsMaxBytes() {
        long free = Memory.nativeFree();
        long ceiling = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        // ND4J's arrays are not counted in JavaCPP's totalBytes, so maxBytes less totalBytes would say
        // maxBytes is free however full the process is; the physical ceiling less the resident size is what holds
        assertTrue(free <= ceiling - org.bytedeco.javacpp.Pointer.physicalBytes() + (64 << 20), free + " of " + ceiling);
        assertTrue(free < ceiling, free + " of " + ceiling);
    }

    @Test
    void byteCountsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, Memory.bytes(Long.MAX_VALUE / 2, 4));
        assertEquals(12, Memory.bytes(3, 4));
    }

    @Test
    void evaluationAskedForAMillionClassesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(new int[] {0}, new int[] {0}, 1_000_000));
        assertEquals("a confusion matrix of numClasses 1000000 asks for 1000000 classes; at most 10000 are allowed "
                + "(raise the limit with -Dscratchnet.maxClasses=N)", e.getMessage());
    }

    @Test
    void oneHotTargetsOfTooManyClassesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.ofClasses(Nd4j.ones(1, 2), new int[] {0}, 50_000));
        assertTrue(e.getMessage().contains("asks for 50000 classes; at most 10000"), e.getMessage());
    }

    @Test
    void theClassLimitIsReadFromItsPropertyAtEachCheck() {
        String before = System.setProperty(Limits.MAX_CLASSES, "3");
        try {
            assertEquals(3, Evaluation.of(new int[] {0}, new int[] {2}, 3).numClasses());
            assertThrows(IllegalArgumentException.class, () -> Evaluation.of(new int[] {0}, new int[] {2}, 4));
        } finally {
            if (before == null) {
                System.clearProperty(Limits.MAX_CLASSES);
            } else {
                System.setProperty(Limits.MAX_CLASSES, before);
            }
        }
    }

    @Test
    void aMalformedLimitPropertyIsNamed() {
        System.setProperty(Limits.MAX_CLASSES, "lots");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Limits::maxClasses);
            assertEquals("system property scratchnet.maxClasses must be a whole number in [1, 2147483647], was \"lots\"",
                    e.getMessage());
        } finally {
            System.clearProperty(Limits.MAX_CLASSES);
        }
    }
}
