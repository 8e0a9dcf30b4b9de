package dev.scratchnet.dsl

import dev.scratchnet.Optimizer

/** Plain stochastic gradient descent `W ← W − learningRate · dW`, [Optimizer.sgd]; a fresh instance per call. */
public fun sgd(learningRate: Double): Optimizer = Optimizer.sgd(learningRate)
