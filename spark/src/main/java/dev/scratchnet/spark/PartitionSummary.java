package dev.scratchnet.spark;

import java.io.Serializable;

/**
 * What one partition tells the driver when its worker has been set up: how many rows it holds
 * and whether their targets are classes, or why its rows cannot be trained on.
 *
 * @param partition the partition's index
 * @param rows      how many rows it holds (its blocks together)
 * @param classes   whether every target is 0 or 1 and, with several columns, every row one-hot
 * @param problem   why the rows do not fit the network or the loss, or null when they do
 */
record PartitionSummary(int partition, int rows, boolean classes, String problem) implements Serializable {

    private static final long serialVersionUID = 1L;
}
