package dev.scratchnet.buffers;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.Indexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * New matrices whose memory nobody has written yet, for outputs that the threads computing them
 * fill at once, such as a batch's predictions.
 *
 * <p>ND4J writes over the memory of every new array it makes, on the thread that asks for it. The
 * memory of a large new array is fresh more often than not (the outputs of earlier calls go back only
 * when the collector finds them), so that pass takes every page's first-touch fault, one after the
 * other, before the products write the same pages again; on virtual machines a first touch is slow
 * (BENCHMARKS.md, "One image a call: the heap's first pages"). Here JavaCPP allocates the memory and
 * ND4J wraps it as it is: the threads that write the rows take their pages' faults, each its own.
 * The array's buffer holds the JavaCPP pointer, whose deallocator frees the memory once the buffer
 * is collected (or closed).
 */
public final class UnwrittenArrays {

    private UnwrittenArrays() {
    }

    /**
     * A new {@code rows × columns} float or double matrix in row-major order, its values not set;
     * made as ND4J makes arrays when a workspace is open on this thread, or when it is empty.
     */
    public static INDArray matrix(DataType dataType, int rows, int columns) {
        long length = (long) rows * columns;
        if (length == 0 || (dataType != DataType.FLOAT && dataType != DataType.DOUBLE)
                || Nd4j.getMemoryManager().getCurrentWorkspace() != null) {
            return Nd4j.createUninitialized(dataType, rows, columns);
        }
        Pointer memory;
        Indexer indexer;
        if (dataType == DataType.FLOAT) {
            FloatPointer floats = new FloatPointer(length);
            memory = floats;
            indexer = FloatIndexer.create(floats);
        } else {
            DoublePointer doubles = new DoublePointer(length);
            memory = doubles;
            indexer = DoubleIndexer.create(doubles);
        }
        DataBuffer buffer = Nd4j.createBuffer(memory, dataType, length, indexer);
        return Nd4j.create(buffer, new long[] {rows, columns}, new long[] {columns, 1}, 0, 'c');
    }
}
