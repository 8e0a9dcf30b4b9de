package dev.scratchnet.spark;

import dev.scratchnet.Loss;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.io.Serializable;
import java.util.Optional;

/**
 * A loss as it travels to the workers: one of scratchnet's losses by its op-table name and its
 * parameter's value (huber's δ) as the op table reads and makes it, any other loss as itself, which
 * then has to be {@link Serializable}.
 *
 * @param name      the op-table name, or null for a loss of the user's own
 * @param parameter the op's parameter (NaN for a loss without one)
 * @param custom    the user's own loss, or null
 */
record ShippedLoss(String name, double parameter, Loss custom) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException for a loss of the user's own that is not {@link Serializable}
     */
    static ShippedLoss of(Loss loss) {
        Optional<LossOp> op = OpTable.of(loss);
        if (op.isPresent()) {
            return new ShippedLoss(op.get().name(), op.get().parameterOf(loss), null);
        }
        if (loss instanceof Serializable) {
            return new ShippedLoss(null, Double.NaN, loss);
        }
        throw new IllegalArgumentException("loss '" + loss.name() + "' (" + loss.getClass().getName() + ") is not one of"
                + " scratchnet's losses, so it travels to the Spark workers as itself, but it is not"
                + " java.io.Serializable; let it implement Serializable");
    }

    /** The loss again, on a worker. */
    Loss loss() {
        if (custom != null) {
            return custom;
        }
        return OpTable.lossNamed(name)
                .orElseThrow(() -> new IllegalStateException("no loss named '" + name + "' in the op table"))
                .instance(parameter);
    }
}
