package dev.scratchnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scratchnet.Loss;
import dev.scratchnet.ops.LossOp;
import dev.scratchnet.ops.OpTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Every loss of the op table travels to the workers and arrives as itself, its parameter included. */
class ShippedLossTest {

    @Test
    void everyTableLossArrivesWithItsParameter() throws Exception {
        for (LossOp op : OpTable.LOSSES) {
            Loss loss = op.parameter() == null ? op.loss() : op.withParameter().apply(0.3);
            Loss arrived = serialisedAndBack(ShippedLoss.of(loss)).loss();
            assertEquals(loss, arrived, op.name());
            assertEquals(loss.getClass(), arrived.getClass(), op.name());
            if (op.parameter() == null) {
                assertSame(op.loss(), arrived, op.name());
            } else {
                assertEquals(0.3, op.parameterOf(arrived), op.name());
            }
        }
    }

    private static ShippedLoss serialisedAndBack(ShippedLoss shipped) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(shipped);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ShippedLoss) in.readObject();
        }
    }
}
