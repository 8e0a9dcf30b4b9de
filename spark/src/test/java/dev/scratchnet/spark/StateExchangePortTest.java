package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The averaging exchange listens where {@code spark.scratchnet.averaging.port} says, and says why it cannot. */
class StateExchangePortTest {

    @Test
    void withoutTheSettingAnyFreePortIsTaken() {
        assertEquals(0, StateExchange.port("0"));
        try (StateExchange exchange = StateExchange.open(true, 0)) {
            assertTrue(exchange.port() > 0);
        }
    }

    @Test
    void theSettingFixesThePort() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (StateExchange exchange = StateExchange.open(false, StateExchange.port(" " + free + " "))) {
            assertEquals(free, exchange.port());
        }
    }

    @Test
    void aTakenPortOrANonNumberIsRefusedNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            IllegalArgumentException busy = assertThrows(IllegalArgumentException.class,
                    () -> StateExchange.open(true, taken.getLocalPort()));
            assertTrue(busy.getMessage().startsWith("the driver cannot listen on port " + taken.getLocalPort()
                    + " (spark.scratchnet.averaging.port) for the averaging rounds"), busy.getMessage());
        }
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> StateExchange.port("any"));
        assertEquals("spark.scratchnet.averaging.port must be a port number in [0, 65535], was \"any\"", word.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> StateExchange.open(true, 70000));
        assertEquals("spark.scratchnet.averaging.port must be a port in [0, 65535] (0 for any free port), was 70000",
                range.getMessage());
    }
}
