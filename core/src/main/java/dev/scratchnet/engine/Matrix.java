package dev.scratchnet.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major matrix that lives in an INDArray's own native memory, read and written element by
 * element from Java (as doubles, whatever the storage type) and handed to BLAS by pointer.
 * Element {@code (r, c)} is at index {@code r · columns + c}.
 */
abstract sealed class Matrix permits Matrix.OfFloat, Matrix.OfDouble {

    final INDArray array;
    final int rows;
    final int columns;
    final Pointer pointer;

    private Matrix(INDArray array) {
        this.array = array;
        this.rows = array.rows();
        this.columns = array.columns();
        this.pointer = array.data().addressPointer();
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
            super(array);
            this.buffer = array.data().asNioFloat();
        }

        @Override
        void copyRow(Matrix source, int sourceRow, int targetRow) {
            buffer.put(targetRow * columns, ((OfFloat) source).buffer, sourceRow * columns, columns);
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
            super(array);
            this.buffer = array.data().asNioDouble();
        }

        @Override
        void copyRow(Matrix source, int sourceRow, int targetRow) {
            buffer.put(targetRow * columns, ((OfDouble) source).buffer, sourceRow * columns, columns);
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
