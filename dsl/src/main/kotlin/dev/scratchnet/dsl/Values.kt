package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Loss

/** Logistic sigmoid, [Activation.SIGMOID]. */
public val sigmoid: Activation = Activation.SIGMOID

/** Hyperbolic tangent, [Activation.TANH]. */
public val tanh: Activation = Activation.TANH

/** Rectified linear unit, [Activation.RELU]. */
public val relu: Activation = Activation.RELU

/** Row-wise softmax, [Activation.SOFTMAX]. */
public val softmax: Activation = Activation.SOFTMAX

/** The identity, [Activation.IDENTITY]. */
public val identity: Activation = Activation.IDENTITY

/** Gaussian error linear unit, exact (with erf), [Activation.GELU]. */
public val gelu: Activation = Activation.GELU

/** Sigmoid-weighted linear unit, z·σ(z), [Activation.SILU]. */
public val silu: Activation = Activation.SILU

/** Softplus, log(1 + exp(z)) (z itself above 20), [Activation.SOFTPLUS]. */
public val softplus: Activation = Activation.SOFTPLUS

/** Leaky ReLU with slope [alpha] below zero, [Activation.leakyRelu]. */
public fun leakyRelu(alpha: Double): Activation = Activation.leakyRelu(alpha)

/** Mean squared error, [Loss.MSE]. */
public val mse: Loss = Loss.MSE

/** Categorical cross-entropy, [Loss.CROSS_ENTROPY]. */
public val crossEntropy: Loss = Loss.CROSS_ENTROPY

/** Binary cross-entropy, [Loss.BINARY_CROSS_ENTROPY]. */
public val binaryCrossEntropy: Loss = Loss.BINARY_CROSS_ENTROPY

/** Huber loss with threshold [delta], [Loss.huber] (`torch.nn.HuberLoss(delta)`). */
public fun huber(delta: Double): Loss = Loss.huber(delta)
