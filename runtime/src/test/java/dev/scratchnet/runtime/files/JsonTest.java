package dev.scratchnet.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() throws IOException {
        Object value = Json.parse(" {\"a\": [1, -2.5e1, \"x\\u0041\\n\"], \"b\": {\"c\": true, \"d\": null}} ");

        Map<?, ?> object = (Map<?, ?>) value;
        assertEquals(List.of(1L, -25.0, "xA\n"), object.get("a"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) object.get("b")).get("c"));
        assertTrue(((Map<?, ?>) object.get("b")).containsKey("d"));
    }

    @Test
    void refusesADuplicateKeyDeepNestingAndTrailingText() {
        assertTrue(assertThrows(IOException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}")).getMessage()
                .contains("Duplicate field 'a': a key appears twice"));
        assertTrue(assertThrows(IOException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100))).getMessage()
                .contains("nesting deeper than 64"));
        assertTrue(assertThrows(IOException.class, () -> Json.parse("{} x")).getMessage()
                .contains("unexpected text after the end"));
    }

    @Test
    void refusesMalformedNumbersAndUnclosedText() {
        for (String text : new String[] {"01x", "1.", "-", "1e", "\"open", "[1, 2", "{\"a\" 1}", "tru", "99999999999999999999"}) {
            assertThrows(IOException.class, () -> Json.parse(text), text);
        }
    }
}
