package dev.scratchnet.spark;

import dev.scratchnet.Loss;
import dev.scratchnet.losses.Huber;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.io.Serializable;
import java.util.Optional;

/**
 * A loss as it travels to the workers: one of scratchnet's losses by its op-table name (huber with
 * its δ), any other loss as itself, which then has to be {@link Serializable}.
 *
 * @param name   the op-table name, or null for a loss of the user's own
 * @param delta  huber's δ (NaN for the other losses)
 * @param custom the user's own loss, or null
 */
record ShippedLoss(String name, double delta, Loss custom) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException for a loss of the user's own that is not {@link Serializable}
     */
    static ShippedLoss of(Loss loss) {
        Optional<LossOp> op = OpTable.of(loss);
        if (op.isPresent()) {
            double delta = loss instanceof Huber huber ? huber.delta() : Double.NaN;
            return new ShippedLoss(op.get().name(), delta, null);
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
        if (name.equals("huber")) {
            return Loss.huber(delta);
        }
        return OpTable.LOSSES.stream().filter(op -> op.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no loss named '" + name + "' in the op table"))
                .loss();
    }
}
