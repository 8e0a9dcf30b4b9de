package dev.scratchnet.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major matrix that lives in an INDArray's own native memory, read and written element by
 * element from Java (as doubles, whatever the storage type) and handed to BLAS by pointer.
 * Element {@code (r, c)} is at index {@code r · columns + c}. A {@link #rowBlock} is such a matrix
 * over some consecutive rows of another, sharing its memory.
 */
abstract sealed class Matrix permits Matrix.OfFloat, Matrix.OfDouble {

    final int rows;
    final int columns;
    final Pointer pointer;
    /** The INDArray these elements belong to; for a row block made on first use (see {@link #array()}). */
    private INDArray array;
    /** For a row block: the matrix it is cut from and its first row there; else null and 0. */
    private final Matrix parent;
    private final int firstRow;

    private Matrix(INDArray array, Pointer pointer) {
        this.array = array;
        this.rows = array.rows();
        this.columns = array.columns();
        this.pointer = pointer;
        this.parent = null;
        this.firstRow = 0;
    }

    private Matrix(Matrix parent, int from, int to, Pointer pointer) {
        this.rows = to - from;
        this.columns = parent.columns;
        this.pointer = pointer;
        this.parent = parent;
        this.firstRow = from;
    }

    /** Wraps {@code array}, which must be a c-ordered matrix that starts its own buffer (see {@link #canWrap}). */
    static Matrix of(INDArray array) {
        if (!canWrap(array)) {
            throw new IllegalArgumentException("fast path needs a dense c-ordered matrix at offset 0");
        }
        return array.dataType() == DataType.FLOAT ? new OfFloat(array) : new OfDouble(array);
    }

    /** Whether {@code array} is a float or double matrix laid out row after row from the start of its buffer. */
    static boolean canWrap(INDArray array) {
        return array.rank() == 2 && array.length() > 0 && array.ordering() == 'c' && array.offset() == 0 && !array.isView()
                && (array.dataType() == DataType.FLOAT || array.dataType() == DataType.DOUBLE);
    }

    /** A new zero matrix. */
    static Matrix create(DataType dataType, int rows, int columns) {
        return of(Nd4j.create(dataType, rows, columns));
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) as a matrix of their own over the same
     * memory: writes through it land in this matrix. Its INDArray is made only if asked for, since
     * an ND4J view costs 13-70 µs (measured) against well under 1 µs for the pointer and buffer.
     */
    abstract Matrix rowBlock(int from, int to);

    /** The INDArray behind these elements: for a row block, an ND4J view made on the first call. */
    final INDArray array() {
        if (array == null) {
            INDArray whole = parent.array();
            array = Nd4j.create(whole.data(), new long[] {rows, columns}, new long[] {columns, 1},
                    whole.offset() + (long) firstRow * columns, 'c');
        }
        return array;
    }

    /** Whether {@link #array()} is at hand without making an ND4J view. */
    final boolean hasArray() {
        return array != null;
    }

    /** The number of elements, {@code rows · columns}. */
    final long length() {
        return (long) rows * columns;
    }

    /** Copies elements {@code start} to {@code start + length} into {@code into} (at most {@link Chunks#SIZE}). */
    abstract void read(int start, int length, double[] into, Chunks chunks);

    /** Writes {@code from[0, length)} over elements {@code start} to {@code start + length}. */
    abstract void write(int start, int length, double[] from, Chunks chunks);

    /** Copies row {@code sourceRow} of {@code source} (same width and type) into row {@code targetRow}. */
    abstract void copyRow(Matrix source, int sourceRow, int targetRow);

    /** Whether every element is finite (one tight loop over the buffer). */
    abstract boolean allFinite();

    abstract double get(int index);

    abstract void set(int index, double value);

    final boolean isFloat() {
        return this instanceof OfFloat;
    }

    /** float32 storage. */
    static final class OfFloat extends Matrix {
        private final FloatBuffer buffer;

        private OfFloat(INDArray array) {
            this(array, array.data().addressPointer(), array.data().asNioFloat());
        }

        private OfFloat(INDArray array, Pointer pointer, FloatBuffer buffer) {
            super(array, pointer);
            this.buffer = buffer;
        }

        private OfFloat(Matrix parent, int from, int to, FloatBuffer parentBuffer) {
            super(parent, from, to, new FloatPointer(parent.pointer).position(parent.pointer.position() + (long) from * parent.columns));
            this.buffer = parentBuffer.slice(from * parent.columns, (to - from) * parent.columns);
        }

        @Override
        Matrix rowBlock(int from, int to) {
            return new OfFloat(this, from, to, buffer);
        }

        @Override
        void copyRow(Matrix source, int sourceRow, int targetRow) {
            buffer.put(targetRow * columns, ((OfFloat) source).buffer, sourceRow * columns, columns);
        }

        /** Copies elements {@code start} to {@code start + length} into {@code into} as they are stored. */
        void readFloats(int start, int length, float[] into) {
            buffer.get(start, into, 0, length);
        }

        /** Writes {@code from[0, length)} over elements {@code start} to {@code start + length}. */
        void writeFloats(int start, int length, float[] from) {
            buffer.put(start, from, 0, length);
        }

        @Override
        void read(int start, int length, double[] into, Chunks chunks) {
            float[] staging = chunks.staging;
            buffer.get(start, staging, 0, length);
            for (int i = 0; i < length; i++) {
                into[i] = staging[i];
            }
        }

        @Override
        void write(int start, int length, double[] from, Chunks chunks) {
            float[] staging = chunks.staging;
            for (int i = 0; i < length; i++) {
                staging[i] = (float) from[i];
            }
            buffer.put(start, staging, 0, length);
        }

        @Override
        boolean allFinite() {
            for (int i = 0, end = buffer.capacity(); i < end; i++) {
                if (!Float.isFinite(buffer.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double get(int index) {
            return buffer.get(index);
        }

        @Override
        void set(int index, double value) {
            buffer.put(index, (float) value);
        }
    }

    /** float64 storage. */
    static final class OfDouble extends Matrix {
        private final DoubleBuffer buffer;

        private OfDouble(INDArray array) {
            this(array, array.data().addressPointer(), array.data().asNioDouble());
        }

        private OfDouble(INDArray array, Pointer pointer, DoubleBuffer buffer) {
            super(array, pointer);
            this.buffer = buffer;
        }

        private OfDouble(Matrix parent, int from, int to, DoubleBuffer parentBuffer) {
            super(parent, from, to, new DoublePointer(parent.pointer).position(parent.pointer.position() + (long) from * parent.columns));
            this.buffer = parentBuffer.slice(from * parent.columns, (to - from) * parent.columns);
        }

        @Override
        Matrix rowBlock(int from, int to) {
            return new OfDouble(this, from, to, buffer);
        }

        @Override
        void copyRow(Matrix source, int sourceRow, int targetRow) {
            buffer.put(targetRow * columns, ((OfDouble) source).buffer, sourceRow * columns, columns);
        }

        @Override
        void read(int start, int length, double[] into, Chunks chunks) {
            buffer.get(start, into, 0, length);
        }

        @Override
        void write(int start, int length, double[] from, Chunks chunks) {
            buffer.put(start, from, 0, length);
        }

        @Override
        boolean allFinite() {
            for (int i = 0, end = buffer.capacity(); i < end; i++) {
                if (!Double.isFinite(buffer.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double get(int index) {
            return buffer.get(index);
        }

        @Override
        void set(int index, double value) {
            buffer.put(index, value);
        }
    }
}
