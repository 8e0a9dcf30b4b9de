package dev.scratchnet;

/**
 * A data set cut in two: {@code train} to fit on, {@code test} to measure on.
 *
 * @param train the part to train on
 * @param test  the held-out part
 */
public record Split(DataSet train, DataSet test) {
}
