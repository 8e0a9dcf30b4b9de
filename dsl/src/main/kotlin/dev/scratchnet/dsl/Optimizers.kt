package dev.scratchnet.dsl

import dev.scratchnet.Optimizer

/** Plain stochastic gradient descent `W ← W − learningRate · dW`, [Optimizer.sgd]; a fresh instance per call. */
public fun sgd(learningRate: Double): Optimizer = Optimizer.sgd(learningRate)

/** SGD with momentum (as torch.optim.SGD), [Optimizer.momentum]; a fresh instance per call. */
public fun momentum(learningRate: Double, momentum: Double): Optimizer = Optimizer.momentum(learningRate, momentum)

/** Nesterov momentum (as torch.optim.SGD with nesterov = True), [Optimizer.nesterov]. */
public fun nesterov(learningRate: Double, momentum: Double): Optimizer = Optimizer.nesterov(learningRate, momentum)

/** Adam with the paper's β1 = 0.9, β2 = 0.999, ε = 1e-8, [Optimizer.adam]. */
public fun adam(learningRate: Double): Optimizer = Optimizer.adam(learningRate)

/** Adam with explicit moment decays and ε, [Optimizer.adam]. */
public fun adam(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double): Optimizer =
    Optimizer.adam(learningRate, beta1, beta2, epsilon)

/** RMSprop with torch's ρ = 0.99, ε = 1e-8, [Optimizer.rmsProp]. */
public fun rmsProp(learningRate: Double): Optimizer = Optimizer.rmsProp(learningRate)

/** RMSprop with explicit ρ and ε, [Optimizer.rmsProp]. */
public fun rmsProp(learningRate: Double, rho: Double, epsilon: Double): Optimizer =
    Optimizer.rmsProp(learningRate, rho, epsilon)

/** AdamW, Adam with decoupled weight decay (as torch.optim.AdamW), [Optimizer.adamW]. */
public fun adamW(learningRate: Double, weightDecay: Double): Optimizer = Optimizer.adamW(learningRate, weightDecay)

/** AdamW with explicit moment decays and ε, [Optimizer.adamW]. */
public fun adamW(learningRate: Double, weightDecay: Double, beta1: Double, beta2: Double, epsilon: Double): Optimizer =
    Optimizer.adamW(learningRate, weightDecay, beta1, beta2, epsilon)
