package dev.scratchnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;

/**
 * model.json's {@code "table"} object (format 3) between Jackson's tree and {@link TableColumns},
 * whose own JSON the runtime reads too: one serialisation of the columns for both readers.
 */
final class TableSection {

    private TableSection() {
    }

    /** The table's JSON as a tree to put into model.json. */
    static JsonNode toJson(TableColumns table) {
        try {
            return new ObjectMapper().readTree(table.toJson());
        } catch (IOException e) {
            throw new IllegalStateException("the table's columns gave JSON Jackson cannot read: " + e.getMessage(), e);
        }
    }

    /** The columns model.json's {@code "table"} describes; fails naming what is wrong. */
    static TableColumns fromJson(JsonNode json) throws IOException {
        return TableColumns.parse(new ObjectMapper().writeValueAsString(json));
    }
}
