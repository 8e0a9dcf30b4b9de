package dev.scratchnet.spark;

import dev.scratchnet.Optimizer;
import java.io.Serializable;

/**
 * What every partition of an averaging training needs once, broadcast when it starts.
 *
 * @param training   the network's model file, the loss, {@code batchSize} and the training's id
 * @param optimizer  the optimizer each partition steps with (its settings; the state travels each round)
 * @param l2         the L2 weight decay λ ({@code dW += λ·W} before every step), 0 for none
 * @param clipNorm   {@code Fit.clipNorm()}: the bound of each local step's gradient norm, 0 for none
 * @param clipValue  {@code Fit.clipValue()}: the bound of each gradient element, 0 for none
 * @param localSteps the steps each partition takes between two averagings
 * @param seed       the seed of the partitions' shuffles
 * @param shuffle    whether each epoch takes a partition's rows in a new seeded order
 */
record AveragingPlan(TrainingPlan training, Optimizer optimizer, double l2, double clipNorm, double clipValue,
                     int localSteps, long seed, boolean shuffle)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    AveragingPlan {
        if (!(optimizer instanceof Serializable)) {
            throw new IllegalArgumentException("optimizer " + optimizer.name() + " (" + optimizer.getClass().getName()
                    + ") travels to the Spark executors as itself but is not java.io.Serializable; let it implement"
                    + " Serializable");
        }
    }
}
