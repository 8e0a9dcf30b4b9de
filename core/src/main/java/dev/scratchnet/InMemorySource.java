package dev.scratchnet;

import dev.scratchnet.internal.Checks;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link DataSource#of}: a {@link DataSet} in memory read as blocks of a fixed number of rows. */
final class InMemorySource implements DataSource {

    private final DataSet data;
    private final int blockRows;

    InMemorySource(DataSet data, int blockRows) {
        Checks.notNull("data", data);
        this.data = data;
        this.blockRows = Checks.positive("blockRows", blockRows);
    }

    @Override
    public int numFeatures() {
        return data.numFeatures();
    }

    @Override
    public int numOutputs() {
        return data.numOutputs();
    }

    @Override
    public int blocks() {
        return (int) ((data.size() + (long) blockRows - 1) / blockRows);
    }

    @Override
    public Rows read(int block) {
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException("block must be in [0, " + blocks() + "), was " + block);
        }
        int end = (int) Math.min((long) (block + 1) * blockRows, data.size());
        return new Rows() {
            private int next = block * blockRows;

            @Override
            public DataSet next(int maxRows) {
                if (next >= end) {
                    return null;
                }
                int to = (int) Math.min((long) next + maxRows, end);
                DataSet rows = DataSet.of(data.features().get(NDArrayIndex.interval(next, to), NDArrayIndex.all()),
                        data.targets().get(NDArrayIndex.interval(next, to), NDArrayIndex.all()));
                next = to;
                return rows;
            }
        };
    }
}
