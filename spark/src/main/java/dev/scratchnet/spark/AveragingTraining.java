package dev.scratchnet.spark;

import dev.scratchnet.DataSet;
import dev.scratchnet.DistributedTraining;
import dev.scratchnet.Fit;
import dev.scratchnet.Network;
import dev.scratchnet.OptimizerState;
import dev.scratchnet.Parameter;
import dev.scratchnet.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import scala.reflect.ClassTag$;

/**
 * The driver's side of {@link SparkTraining#averageEvery(int) parameter averaging}, run through
 * {@code fit}'s own loop and parts ({@link DistributedTraining#fitRounds}) with the loop's batches
 * being the rounds:
 * <pre>
 *   broadcast the plan; set up a worker per partition (its rows, a network, an optimizer state)
 *   for each epoch:  rate ← schedule(epoch, history)
 *     broadcast the start state (weights and optimizer state, in the network's number type)
 *     one barrier Spark job: every partition's task runs its rounds, exchanging states with the
 *     driver's {@link StateExchange} over a socket between rounds:
 *       partition p takes up to k local steps, sends (n_p, w_p, s_p)
 *       driver: state ← Σ (n_p / n) · (w_p, s_p), in partition order, summed in float64, rounded
 *       once to the network's type; sent back to every partition with steps left; and written into
 *       the network and the loop's optimizer state, for validation, early stopping, checkpoints
 *     loss and accuracy over the epoch's local batches; the loop's parts after the epoch
 * </pre>
 * The optimizer's state (Adam's moments, momentum's velocity) is averaged exactly as the weights
 * are, and its step count is the largest among the partitions, so each partition continues the
 * averaged optimizer. Same data in the same partitions, same weights bit for bit.
 */
final class AveragingTraining implements DistributedTraining.RoundSource {

    /** The times of the last averaging training in this JVM (for the benchmark). */
    static volatile RoundTimes lastTimes = new RoundTimes(0, 0, 0, 0, 0);

    private final Network network;
    private final Fit fit;
    private final JavaRDD<DataSet> data;
    private final JavaSparkContext spark;
    private final int localSteps;
    private final List<Parameter> parameters;
    private final boolean float32;
    private Broadcast<AveragingPlan> plan;
    private StateExchange exchange;
    /** The rounds each partition takes an epoch; {@link #rounds} the most of them. */
    private int[] roundsOf;
    private int rounds;
    private Broadcast<ModelState> start;
    private JavaFutureAction<List<Integer>> job;
    private StateExchange.RoundResult last;
    private int roundsRun;
    private long mark;
    private long roundNanos;
    private long workerNanos;
    private long stepsNanos;
    private long averagingNanos;

    AveragingTraining(Network network, JavaRDD<DataSet> data, Fit fit, int localSteps) {
        this.network = network;
        this.fit = fit;
        this.data = data;
        this.spark = JavaSparkContext.fromSparkContext(data.context());
        this.localSteps = localSteps;
        this.parameters = FlatParameters.of(network);
        this.float32 = network.dataType() == DataType.FLOAT;
    }

    /** Refuses what averaging does not do, as {@link SparkTraining#fit(Network, JavaRDD, Fit)} refuses it. */
    static void refuseUnsupported(Network network, Fit fit) {
        if (fit.validationSplit() > 0) {
            throw new IllegalArgumentException("averaging does not hold out validationSplit(" + fit.validationSplit()
                    + "): split the rows yourself (say with randomSplit) and pass the held-out ones with"
                    + " Fit.builder().validation(dataSet)");
        }
        for (int i = 0; i < network.numLayers(); i++) {
            if (network.dropoutRate(i) > 0) {
                throw new IllegalArgumentException("averaging does not draw dropout masks yet, but dense layer "
                        + (i + 1) + " has dropout " + network.dropoutRate(i) + "; train this network with fit");
            }
        }
        if (fit.diagnostics()) {
            throw new IllegalArgumentException("averaging measures no diagnostics (its steps happen on the executors);"
                    + " train with SparkTraining.exact() or fit for them, or leave diagnostics out");
        }
        if (!fit.optimizer().start(List.of()).savable()) {
            throw new IllegalArgumentException("averaging needs an optimizer whose state is its arrays() (savable()),"
                    + " but " + fit.optimizer().name() + "'s is not; use SparkTraining.exact()");
        }
    }

    TrainingHistory run() {
        String trainingId = UUID.randomUUID().toString();
        long seed = fit.seed() != null ? fit.seed() : network.seed();
        AveragingPlan settings = new AveragingPlan(TrainingPlan.of(trainingId, network, fit.loss(), fit.batchSize(),
                fit.classWeights()), fit.optimizer(), fit.l2(), fit.clipNorm(), fit.clipValue(), localSteps, seed,
                fit.shuffle());
        requireSlots(data.getNumPartitions());
        plan = spark.broadcast(settings);
        exchange = StateExchange.open(float32, StateExchange.port(spark.getConf()));
        try {
            List<PartitionSummary> summaries = RoundJobs.prepare(data, plan);
            int[] rows = rows(summaries);
            roundsOf = new int[rows.length];
            for (int p = 0; p < rows.length; p++) {
                long steps = (rows[p] + (long) fit.batchSize() - 1) / fit.batchSize();
                roundsOf[p] = (int) ((steps + localSteps - 1) / localSteps);
                rounds = Math.max(rounds, roundsOf[p]);
            }
            boolean classes = summaries.stream().allMatch(PartitionSummary::classes);
            String trainingData = Arrays.stream(rows).asLongStream().sum() + " rows in partitions of "
                    + Arrays.toString(rows) + " rows × " + network.nIn() + " features, averaged every " + localSteps
                    + " local steps";
            return DistributedTraining.fitRounds(network, fit, rounds, classes, trainingData, this);
        } finally {
            try {
                endJobQuietly();
                exchange.close();
                StepJobs.forget(data, trainingId);
            } finally {
                if (start != null) {
                    start.destroy();
                }
                plan.destroy();
            }
        }
    }

    /**
     * Refuses more partitions than task slots: an epoch is a barrier stage, which runs every
     * partition's task at once, and Spark would wait minutes before failing one that cannot start.
     * A cluster's executors may still be registering: their slots are awaited for up to 30 s.
     */
    private void requireSlots(int partitions) {
        SparkContext context = spark.sc();
        long deadline = System.nanoTime() + (context.isLocal() ? 0 : TimeUnit.SECONDS.toNanos(30));
        int slots = context.maxNumConcurrentTasks(context.resourceProfileManager().defaultResourceProfile());
        while (slots < partitions && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            slots = context.maxNumConcurrentTasks(context.resourceProfileManager().defaultResourceProfile());
        }
        if (slots < partitions) {
            throw new IllegalArgumentException("averaging runs every partition's task at once (a barrier stage), so it"
                    + " needs a task slot for each of the data's " + partitions + " partitions, but the cluster has "
                    + slots + "; repartition the data into at most " + Math.max(1, slots) + " partitions (or add"
                    + " executors), or train with SparkTraining.exact()");
        }
    }

    /** Ends a job the loop left running (it stopped early, or failed), without hiding why it ended. */
    private void endJobQuietly() {
        try {
            endJob();
        } catch (RuntimeException e) {
            // the training already ended with its own result or exception; the job's failure adds nothing
        }
    }

    @Override
    public double round(int epoch, int round, double learningRate, OptimizerState optimizer) {
        if (round == 1) {
            startEpoch(epoch, learningRate, optimizer);
        }
        StateExchange.RoundResult result;
        try {
            result = exchange.next(round, () -> !job.isDone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for round " + round + " of epoch " + epoch, e);
        }
        if (result == null) {
            throw jobFailure(epoch, round);
        }
        last = result;
        if (result.state() != null) {
            assign(result.state(), optimizer);
        }
        long now = System.nanoTime();
        roundsRun++;
        roundNanos += now - mark;
        mark = now;
        workerNanos += result.slowestNanos();
        stepsNanos += result.slowestStepsNanos();
        averagingNanos += result.averagingNanos();
        lastTimes = new RoundTimes(roundsRun, roundNanos, workerNanos, stepsNanos, averagingNanos);
        if (round == rounds) {
            endJob();
        }
        return result.lossSum() / result.rows();
    }

    @Override
    public int rows() {
        return last.rows();
    }

    @Override
    public int correct() {
        return last.correct();
    }

    /** Broadcasts the epoch's start state and starts its barrier job. */
    private void startEpoch(int epoch, double learningRate, OptimizerState optimizer) {
        endJob();
        if (start != null) {
            start.destroy();
        }
        mark = System.nanoTime();
        start = spark.broadcast(ModelState.of(stateArrays(parameters, optimizer), float32, optimizer.steps()));
        exchange.beginEpoch(epoch, roundsOf);
        EpochTask task = new EpochTask(plan, start, roundsOf, epoch, learningRate, StateExchange.host(spark.getConf()),
                exchange.port());
        RDD<Integer> tasks = data.rdd().barrier().mapPartitionsWithIndex(task, false,
                ClassTag$.MODULE$.apply(Integer.class));
        // behind a shuffle the barrier stage is a shuffle-map stage, which Spark runs again when a
        // task fails (a failed barrier result stage only aborts the job); one number a partition crosses it
        job = tasks.toJavaRDD().coalesce(1, true).collectAsync();
    }

    /** Waits for the epoch's job to end, after telling its tasks to stop when the loop stopped early. */
    private void endJob() {
        if (job == null) {
            return;
        }
        JavaFutureAction<List<Integer>> ending = job;
        job = null;
        if (!ending.isDone()) {
            exchange.stop();
        }
        try {
            ending.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the averaging job failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending.cancel(true);
        } catch (TimeoutException e) {
            ending.cancel(true);
        }
    }

    private RuntimeException jobFailure(int epoch, int round) {
        JavaFutureAction<List<Integer>> failed = job;
        job = null;
        try {
            failed.get();
            return new IllegalStateException("the averaging job of epoch " + epoch + " ended before round " + round);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new IllegalStateException("the averaging job of epoch " + epoch + " failed before round " + round
                    + " ended: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted in epoch " + epoch, e);
        }
    }

    /** Each partition's rows; refuses rows that cannot train. */
    private static int[] rows(List<PartitionSummary> summaries) {
        int[] rows = new int[summaries.size()];
        long total = 0;
        for (PartitionSummary summary : summaries) {
            if (summary.problem() != null) {
                throw new IllegalArgumentException("partition " + summary.partition() + " of the data: "
                        + summary.problem());
            }
            rows[summary.partition()] = summary.rows();
            total += summary.rows();
        }
        if (total == 0) {
            throw new IllegalArgumentException("the data holds no rows (" + summaries.size() + " empty partitions)");
        }
        return rows;
    }

    /** The weights, then the optimizer state's arrays: the arrays a {@link ModelState} holds, live. */
    static List<INDArray> stateArrays(List<Parameter> parameters, OptimizerState optimizer) {
        List<INDArray> arrays = new ArrayList<>();
        parameters.forEach(parameter -> arrays.add(parameter.value()));
        arrays.addAll(optimizer.arrays());
        return arrays;
    }

    /** Writes {@code state} into the network's weights and the loop's optimizer state. */
    private void assign(ModelState state, OptimizerState optimizer) {
        // the loop calls round() holding the network's weights lock
        state.writeTo(stateArrays(parameters, optimizer));
        optimizer.restoreSteps(state.optimizerSteps());
    }

    /**
     * Σ (n_p / n) · (w_p, s_p) over the partitions that took steps, in partition order, summed in
     * float64 and rounded once to the network's number type.
     */
    static ModelState average(List<RoundShare> shares, boolean float32) {
        long rows = 0;
        ModelState shape = null;
        long steps = 0;
        for (RoundShare share : shares) {
            if (share.rows() > 0) {
                rows += share.rows();
                shape = share.state();
                steps = Math.max(steps, share.state().optimizerSteps());
            }
        }
        if (shape == null) {
            throw new IllegalStateException("no partition took a step in this round");
        }
        double[] sum = new double[shape.length()];
        for (RoundShare share : shares) {
            if (share.rows() > 0) {
                share.state().addScaledTo((double) share.rows() / rows, sum);
            }
        }
        return ModelState.of(sum, float32, steps);
    }
}
