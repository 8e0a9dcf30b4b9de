package dev.scratchnet.buffers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.NDArray;
import org.nd4j.linalg.cpu.nativecpu.buffer.LongBuffer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * New small matrices, such as one row's predictions, made without asking ND4J for their shape.
 *
 * <p>{@link Nd4j#createUninitialized} passes the shape to native code through two freshly allocated
 * JavaCPP pointers, and JavaCPP reads the process's resident size ({@code /proc/self/statm}) at each
 * such allocation to enforce {@code org.bytedeco.javacpp.maxPhysicalBytes}: several microseconds, most
 * of a one-row prediction's time. The shape information is a constant ND4J shares between arrays
 * of one shape, so it is asked for once per shape here and given to each new array. Only arrays
 * of at most {@link #MAX_BYTES} take this way: each costs more heap than native memory, so garbage
 * collection alone keeps their native memory in bounds, as the skipped check would have. Larger
 * arrays, and arrays made while an ND4J workspace is open on the thread, are made as ND4J makes them.
 */
public final class SmallArrays {

    /** The largest array, in bytes, made without the check: below the heap each array also takes. */
    public static final long MAX_BYTES = 256;

    /** Shapes asked for so far: a few per network, at most MAX_BYTES entries per data type. */
    private static final Map<Shape, Shape> SHAPES = new ConcurrentHashMap<>();
    /** The shape last asked for, looked up without a key object: one-row predictions ask for one shape again and again. */
    private static volatile Shape lastShape;

    private SmallArrays() {
    }

    /** A new {@code rows × columns} matrix of {@code dataType}, in row-major order, its values not set. */
    public static INDArray uninitialized(DataType dataType, int rows, int columns) {
        long length = (long) rows * columns;
        if (length == 0 || length * dataType.width() > MAX_BYTES
                || Nd4j.getMemoryManager().getCurrentWorkspace() != null) {
            return Nd4j.createUninitialized(dataType, rows, columns);
        }
        Shape last = lastShape;
        if (last == null || !last.is(dataType, rows, columns)) {
            last = SHAPES.computeIfAbsent(new Shape(dataType, rows, columns, null), SmallArrays::shapeOf);
            lastShape = last;
        }
        LongBuffer shape = last.info;
        if (shape == null) {
            return Nd4j.createUninitialized(dataType, rows, columns);
        }
        return new NDArray(Nd4j.createBuffer(dataType, length, false), shape, shape.asLong());
    }

    /** The shape with ND4J's shared shape information for it (null when this backend keeps it another way). */
    private static Shape shapeOf(Shape key) {
        INDArray template = Nd4j.createUninitialized(key.dataType, key.rows, key.columns);
        return new Shape(key.dataType, key.rows, key.columns,
                template.shapeInfoDataBuffer() instanceof LongBuffer info ? info : null);
    }

    /** A shape, and ND4J's shape information for it; the key of {@link #SHAPES} ignores the latter. */
    private record Shape(DataType dataType, int rows, int columns, LongBuffer info) {

        boolean is(DataType dataType, int rows, int columns) {
            return this.dataType == dataType && this.rows == rows && this.columns == columns;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shape shape && is(shape.dataType, shape.rows, shape.columns);
        }

        @Override
        public int hashCode() {
            return (dataType.hashCode() * 31 + rows) * 31 + columns;
        }
    }
}
