package dev.scratchnet.runtime;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where {@link TableColumns} says what it did to a table's cells (a missing cell filled in, a
 * category the training rows never held): each kind of note goes out once per column, however many
 * rows it concerns, and never names a row, so a caller can print them beside one line per row.
 * Thread-safe.
 */
public final class TableNotes {

    /** Notes that go nowhere. */
    public static final TableNotes NONE = new TableNotes(note -> { });

    private final Consumer<String> sink;
    private final Set<String> said = new HashSet<>();

    /** Notes handed to {@code sink}, e.g. {@code System.err::println}. */
    public TableNotes(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink must not be null");
    }

    /** Hands {@code message} on unless a note of the same {@code kind} was given for {@code column}. */
    void once(String kind, String column, String message) {
        boolean first;
        synchronized (said) {
            first = said.add(kind + "\u0000" + column);
        }
        if (first) {
            sink.accept(message);
        }
    }
}
