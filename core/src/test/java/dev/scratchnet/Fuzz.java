package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shared pieces of the property-based (jqwik) tests: nasty numbers, random matrices, and the one
 * rule they check — a call either returns or throws one of our clear standard exceptions.
 */
public final class Fuzz {

    /** How many calls the fuzz properties made in this JVM, by outcome. */
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentSkipListMap<>();
    /** Held here so that the level set on it stays (JUL keeps loggers weakly). */
    private static final Logger JQWIK_LOGGER = Logger.getLogger("net.jqwik");

    private Fuzz() {
    }

    /** A call under test; may throw anything. */
    @FunctionalInterface
    public interface Call<T> {
        /** Runs the call. */
        T run() throws Exception;
    }

    /** Counts one outcome of {@code what}. */
    public static void count(String what, String outcome) {
        COUNTS.computeIfAbsent(what + ": " + outcome, key -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Silences jqwik's INFO log lines (it logs when edge cases outnumber tries), so tests stay quiet;
     * with {@code -Dscratchnet.fuzz.report=true}, prints the outcome counts so far instead.
     */
    public static void quiet() {
        JQWIK_LOGGER.setLevel(Level.WARNING);
    }

    /** Prints the outcome counts when {@code -Dscratchnet.fuzz.report=true}; silent otherwise. */
    public static void report(String title) {
        if (Boolean.getBoolean("scratchnet.fuzz.report")) {
            System.out.println("fuzz outcomes after " + title + ":");
            COUNTS.forEach((key, value) -> System.out.println("  " + key + " = " + value));
        }
    }

    /** Ordinary numbers mixed with NaN, ±Inf, huge, tiny, zero and the float extremes. */
    public static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.doubles().between(-3, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        1e300, -1e300, 1e-300, Double.MIN_VALUE, 0.0, -0.0, (double) Float.MAX_VALUE, 3.5e38, 1e20)));
    }

    /** Mostly finite values (so that calls get past the NaN check and reach the math). */
    public static Arbitrary<Double> mostlyFinite() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, Arbitraries.doubles().between(-3, 3)),
                net.jqwik.api.Tuple.of(1, values()));
    }

    /**
     * The numbers of a random matrix, kept as plain Java values: jqwik hashes samples while it
     * shrinks, and ND4J's {@code hashCode} of an empty array crashes the JVM, so arrays are made
     * only inside the property, by {@link #array()}.
     */
    public record Values(double[] data, int rows, int columns, DataType type, Layout layout) {

        /** A new array {@code [rows, columns]} of {@code type} holding {@code data}, laid out as {@code layout}. */
        public INDArray array() {
            INDArray array = Nd4j.create(data, new long[] {rows, columns}, DataType.DOUBLE).castTo(type);
            return switch (layout) {
                case ROW_MAJOR -> array;
                case COLUMN_MAJOR -> array.dup('f');
                case TRANSPOSED_VIEW -> array.transpose().dup().transpose();
            };
        }

        @Override
        public String toString() {
            return type + " " + layout + " " + rows + "x" + columns + " " + java.util.Arrays.toString(data);
        }
    }

    /** How an array's values lie in memory: users hand in all three. */
    public enum Layout {
        /** 'c' order, rows contiguous. */
        ROW_MAJOR,
        /** 'f' order, columns contiguous. */
        COLUMN_MAJOR,
        /** A transposed view of a row-major array (not contiguous by rows). */
        TRANSPOSED_VIEW
    }

    /** A matrix of {@code rows × columns} drawn from {@code values}, as float32 or float64, in any layout. */
    public static Arbitrary<Values> matrix(int rows, int columns, Arbitrary<Double> values) {
        return Combinators.combine(values.array(double[].class).ofSize(rows * columns),
                Arbitraries.of(DataType.FLOAT, DataType.DOUBLE), Arbitraries.of(Layout.class))
                .as((data, type, layout) -> new Values(data, rows, columns, type, layout));
    }

    /** Whether every value of {@code array} is finite, by the exact element tests. */
    public static boolean allFinite(INDArray array) {
        return !array.isNaN().any() && !array.isInfinite().any();
    }

    /**
     * Runs {@code call}: a return counts as a valid result, an {@link IllegalArgumentException},
     * {@link IllegalStateException} or {@link IOException} (or a subclass) with a message counts as a
     * clear refusal; anything else fails the property.
     *
     * @return the result, or null when the call was refused
     */
    public static <T> T outcome(String what, Call<T> call) {
        try {
            T result = call.run();
            count(what, "returned");
            return result;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "refused without a message: " + e);
            count(what, "refused with " + e.getClass().getSimpleName());
            return null;
        } catch (Throwable e) {
            fail("neither a result nor a clear standard exception: " + e, e);
            return null;
        }
    }
}
