package dev.scratchnet.dsl

import dev.scratchnet.Schedule

/** The learning rate stays as the optimizer's, [Schedule.constant]. */
public fun constant(): Schedule = Schedule.constant()

/** The rate times [factor] every [every] epochs, [Schedule.stepDecay]. */
public fun stepDecay(every: Int, factor: Double): Schedule = Schedule.stepDecay(every, factor)

/** The rate times [factor] every epoch, [Schedule.exponentialDecay]. */
public fun exponentialDecay(factor: Double): Schedule = Schedule.exponentialDecay(factor)

/** The rate times [factor] after [patience] epochs without improvement, [Schedule.reduceOnPlateau]. */
public fun reduceOnPlateau(factor: Double, patience: Int): Schedule = Schedule.reduceOnPlateau(factor, patience)

/** As [reduceOnPlateau], with the smallest improvement that counts and a floor for the rate. */
public fun reduceOnPlateau(factor: Double, patience: Int, minDelta: Double, minLearningRate: Double): Schedule =
    Schedule.reduceOnPlateau(factor, patience, minDelta, minLearningRate)

/** Cosine annealing from the optimizer's rate down to [minRate] over [period] epochs, [Schedule.cosine]. */
public fun cosine(period: Int, minRate: Double = 0.0): Schedule = Schedule.cosine(period, minRate)

/** A linear warm-up of [epochs] epochs in front of [after], [Schedule.warmUp]. */
public fun warmUp(epochs: Int, after: Schedule): Schedule = Schedule.warmUp(epochs, after)
