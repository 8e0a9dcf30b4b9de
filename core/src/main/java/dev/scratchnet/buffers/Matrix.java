package dev.scratchnet.buffers;

import dev.scratchnet.kernels.Values;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major matrix that lives in an INDArray's own native memory: its {@link #values} for the
 * kernels' Java loops and its pointer for BLAS. A {@link #rowBlock} is such a matrix over some
 * consecutive rows of another, sharing its memory; a {@link #columnBlock} is one over some
 * consecutive columns, for BLAS only.
 */
public final class Matrix {

    /** The elements, for Java loops. */
    public final Values values;
    /** Rows and columns. */
    public final int rows;
    public final int columns;
    /** Elements from the start of one row to the start of the next: {@link #columns}, but for a column block. */
    final int leadingDimension;
    /** The address of element 0, for BLAS. */
    final Pointer pointer;
    /** The INDArray these elements belong to; for a row block made on first use (see {@link #array()}). */
    private INDArray array;
    /** For a row block: the matrix it is cut from and its first row there; else null and 0. */
    private final Matrix parent;
    private final int firstRow;
    /** Whether this matrix came from {@link ScratchPool}, where {@link #free} returns it. */
    private final boolean pooled;

    private Matrix(INDArray array) {
        this(array, false);
    }

    private Matrix(INDArray array, boolean pooled) {
        this.pooled = pooled;
        this.array = array;
        this.rows = array.rows();
        this.columns = array.columns();
        this.leadingDimension = columns;
        this.pointer = elementZero(array);
        this.values = array.dataType() == DataType.FLOAT ? Values.of(array.data().asNioFloat(), rows, columns)
                : Values.of(array.data().asNioDouble(), rows, columns);
        this.parent = null;
        this.firstRow = 0;
    }

    /** A whole array for BLAS calls only: its pointer, no {@link #values} (see {@link #forBlas}). */
    private Matrix(INDArray array, int rows, int columns) {
        this.pooled = false;
        this.array = array;
        this.rows = rows;
        this.columns = columns;
        this.leadingDimension = columns;
        this.pointer = elementZero(array);
        this.values = null;
        this.parent = null;
        this.firstRow = 0;
    }

    private Matrix(Matrix parent, int from, int to) {
        this.rows = to - from;
        this.columns = parent.columns;
        this.leadingDimension = columns;
        this.pointer = offset(parent, (long) from * parent.columns);
        this.values = parent.values.rowBlock(from, to);
        this.parent = parent;
        this.firstRow = from;
        this.pooled = false;
    }

    /** A column block: {@code parent}'s rows, its columns {@code from} to {@code to}, no values. */
    private Matrix(Matrix parent, int from, int to, boolean columns) {
        this.rows = parent.rows;
        this.columns = to - from;
        this.leadingDimension = parent.leadingDimension;
        this.pointer = offset(parent, from);
        this.values = null;
        this.parent = null;
        this.firstRow = 0;
        this.pooled = false;
    }

    /**
     * The pointer the array's buffer keeps to its element 0 (at offset 0, which {@link #canWrap}
     * requires): no new object, where {@code addressPointer()} makes three a call, which a one-row
     * prediction felt. Nothing here moves its position; {@link #offset} copies it.
     */
    private static Pointer elementZero(INDArray array) {
        Pointer kept = array.data().pointer();
        boolean typed = array.dataType() == DataType.FLOAT ? kept instanceof FloatPointer : kept instanceof DoublePointer;
        return typed && kept.address() != 0 ? kept : array.data().addressPointer();
    }

    private static Pointer offset(Matrix parent, long elements) {
        long position = parent.pointer.position() + elements;
        return parent.isFloat() ? new FloatPointer(parent.pointer).position(position)
                : new DoublePointer(parent.pointer).position(position);
    }

    /** Wraps {@code array}, which must be laid out row after row from the start of its buffer (see {@link #canWrap}). */
    public static Matrix of(INDArray array) {
        if (!canWrap(array)) {
            throw new IllegalArgumentException("fast path needs a compact row-major float or double matrix at offset 0");
        }
        return new Matrix(array);
    }

    /**
     * Wraps {@code array} (laid out as {@link #of} requires) for BLAS calls only: its {@link #values}
     * are null. Making the {@code java.nio} buffer behind values costs a few hundred bytes of heap,
     * which a one-row prediction's input and output, read and written by BLAS alone, do without.
     */
    public static Matrix forBlas(INDArray array) {
        if (!canWrap(array)) {
            throw new IllegalArgumentException("fast path needs a compact row-major float or double matrix at offset 0");
        }
        return new Matrix(array, array.rows(), array.columns());
    }

    /** {@code array} itself when it can be wrapped, else a compact row-major copy (read through its strides). */
    public static INDArray readable(INDArray array) {
        return canWrap(array) ? array : array.dup('c');
    }

    /**
     * Whether {@code array} is a float or double matrix laid out row after row from the start of its
     * buffer. The strides decide, not the order flag: ND4J may flag an array with column-major
     * strides as 'c'.
     */
    public static boolean canWrap(INDArray array) {
        if (array.rank() != 2 || array.length() == 0 || array.offset() != 0 || array.isView()
                || (array.dataType() != DataType.FLOAT && array.dataType() != DataType.DOUBLE)) {
            return false;
        }
        long rows = array.rows();
        long columns = array.columns();
        long[] stride = array.stride();
        return (columns == 1 || stride[1] == 1) && (rows == 1 || stride[0] == columns)
                && array.data().length() >= rows * columns;
    }

    /**
     * A working matrix whose elements are whatever its last user left (a buffer of an ended fit, see
     * {@link ScratchPool}, else new memory): only for buffers that are written before they are read.
     * {@link #free} gives it back for the next.
     */
    public static Matrix scratch(DataType dataType, int rows, int columns) {
        return new Matrix(ScratchPool.SHARED.take(dataType, rows, columns), true);
    }

    /** A new zero matrix. */
    public static Matrix create(DataType dataType, int rows, int columns) {
        return of(Nd4j.create(dataType, rows, columns));
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) as a matrix of their own over the same
     * memory: writes through it land in this matrix. Its INDArray is made only if asked for, since
     * an ND4J view costs far more than the pointer and buffer (BENCHMARKS.md, "--micro").
     */
    public Matrix rowBlock(int from, int to) {
        return new Matrix(this, from, to);
    }

    /**
     * Columns {@code from} (inclusive) to {@code to} (exclusive) of every row, over the same memory,
     * for BLAS calls only (see {@link Blas}): its rows are not consecutive, so it has no
     * {@link #values} (null) and no INDArray.
     */
    public Matrix columnBlock(int from, int to) {
        if (values == null || parent != null) {
            throw new IllegalStateException("a column block is cut from a whole matrix");
        }
        return new Matrix(this, from, to, true);
    }

    /** The INDArray behind these elements: for a row block, an ND4J view made on the first call. */
    public INDArray array() {
        if (array == null) {
            INDArray whole = parent.array();
            array = Nd4j.create(whole.data(), new long[] {rows, columns}, new long[] {columns, 1},
                    whole.offset() + (long) firstRow * columns, 'c');
        }
        return array;
    }

    /**
     * Frees the native memory of a matrix made by {@link #create} now rather than when the garbage
     * collector finds it, or gives one made by {@link #scratch} back to be reused; neither it nor a
     * block cut from it may be used after.
     */
    public void free() {
        if (parent != null || values == null) {
            throw new IllegalStateException("only a whole matrix made by create or scratch can be freed, not a block of one");
        }
        if (pooled) {
            ScratchPool.SHARED.give(array);
        } else {
            array.close();
        }
    }

    /** Whether {@link #array()} is at hand without making an ND4J view. */
    public boolean hasArray() {
        return array != null;
    }

    /** The number of elements, {@code rows · columns}. */
    public long length() {
        return (long) rows * columns;
    }

    /** Whether the elements are float32. */
    public boolean isFloat() {
        return values != null ? values.isFloat() : pointer instanceof FloatPointer;
    }
}
