package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction2;

/**
 * One partition's epoch of parameter averaging, run as a task of the epoch's barrier stage: its
 * rounds one after another, each sent to the driver's {@link StateExchange} and continued from the
 * average it answers, without a Spark job per round.
 * <pre>
 *   state ← the epoch's start state (broadcast)
 *   for round r = 1 … rounds_p:  share ← worker.round(epoch, r − 1, rate, state); send (r, share)
 *                                unless r is the last: state ← the average answered (or stop)
 * </pre>
 * Captures only broadcasts and numbers, so that no driver object travels with the task.
 */
final class EpochTask extends AbstractFunction2<Object, Iterator<DataSet>, Iterator<Integer>> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<AveragingPlan> plan;
    private final Broadcast<ModelState> start;
    private final int[] roundsOf;
    private final int epoch;
    private final double learningRate;
    private final String host;
    private final int port;

    EpochTask(Broadcast<AveragingPlan> plan, Broadcast<ModelState> start, int[] roundsOf, int epoch, double learningRate,
              String host, int port) {
        this.plan = plan;
        this.start = start;
        this.roundsOf = roundsOf;
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.host = host;
        this.port = port;
    }

    @Override
    public Iterator<Integer> apply(Object index, Iterator<DataSet> blocks) {
        int partition = (Integer) index;
        int rounds = roundsOf[partition];
        if (rounds == 0) {
            return JavaConverters.asScalaIterator(Collections.<Integer>emptyIterator());
        }
        AveragingWorker worker = RoundJobs.worker(plan.value(), partition, JavaConverters.asJavaIterator(blocks));
        TaskContext task = TaskContext.get();
        int attempt = task != null ? task.stageAttemptNumber() : 0;
        int taken = 0;
        try (Socket socket = new Socket(host, port);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 20));
             DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 20))) {
            socket.setTcpNoDelay(true);
            out.writeInt(partition);
            out.writeInt(epoch);
            out.writeInt(attempt);
            ModelState state = start.value();
            for (int round = 1; round <= rounds; round++) {
                RoundShare share = worker.round(epoch, round - 1, learningRate, state);
                out.writeInt(round);
                share.writeTo(out);
                out.flush();
                taken = round;
                if (round == rounds || awaitReply(socket, in) != StateExchange.CONTINUE) {
                    break;
                }
                state = ModelState.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("partition " + partition + " lost the driver's averaging exchange at "
                    + host + ":" + port + " in epoch " + epoch + " after round " + taken, e);
        }
        return JavaConverters.asScalaIterator(Collections.singletonList(taken).iterator());
    }

    /**
     * The driver's answer to a round, waited for in short slices: Spark kills the other tasks of a
     * barrier stage when one fails, and a killed task must end (freeing its slot for the stage's
     * next attempt) instead of waiting for an average that never comes.
     */
    private static byte awaitReply(Socket socket, DataInputStream in) throws IOException {
        socket.setSoTimeout(200);
        try {
            for (;;) {
                try {
                    return in.readByte();
                } catch (SocketTimeoutException e) {
                    TaskContext task = TaskContext.get();
                    if (task != null && task.isInterrupted()) {
                        throw new IOException("the task was killed while waiting for the round's average", e);
                    }
                }
            }
        } finally {
            socket.setSoTimeout(0);
        }
    }
}
