package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A layer larger than ND4J's memory is refused by the builder, before ND4J's allocator is asked. */
class NetworkSizeTest {

    @Test
    void aLayerBeyondTheMemoryLimitIsRefusedWithTheBytesNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.builder().dense(2, 500_000_000, Activation.RELU).build());
        assertTrue(e.getMessage().startsWith("dense layer 1 weights and their gradients [2, 500000000]"), e.getMessage());
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }
}
