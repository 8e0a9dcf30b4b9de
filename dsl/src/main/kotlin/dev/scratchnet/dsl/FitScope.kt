package dev.scratchnet.dsl

import dev.scratchnet.EpochResult
import dev.scratchnet.DataSet
import dev.scratchnet.Fit
import dev.scratchnet.Loss
import dev.scratchnet.Network
import dev.scratchnet.Optimizer
import dev.scratchnet.Schedule
import dev.scratchnet.TrainingHistory
import dev.scratchnet.TrainingListener
import java.nio.file.Path

/**
 * Trains the network on [data] with the settings [settings] writes into a [Fit.Builder],
 * changing its weights in place:
 * ```
 * val history = net.fit(train) {
 *     loss = mse
 *     optimizer = sgd(learningRate = 0.1)
 *     epochs = 100
 *     batchSize = 15
 * }
 * ```
 * Every setting left out keeps the builder's default ([Fit]'s `DEFAULT_…` constants).
 *
 * @return the loss (and accuracy, for class targets) after every epoch
 */
public fun Network.fit(data: DataSet, settings: FitScope.() -> Unit): TrainingHistory {
    val builder = Fit.builder()
    FitScope(builder).settings()
    return fit(data, builder.build())
}

private const val WRITE_ONLY =
    "fit settings are write-only: the Fit.Builder keeps them. To use an outer value of the same name, rename it."

/**
 * The body of `fit { }`: each property or function forwards to the [Fit.Builder] method of the
 * same name, which checks the value at once. The properties can be set, not read back
 * (reading one is a compile error), because the builder is the one place that holds them.
 */
@ScratchnetDsl
public class FitScope internal constructor(private val builder: Fit.Builder) {

    /** The loss to minimise (required): `mse`, `crossEntropy` or `binaryCrossEntropy`. */
    public var loss: Loss
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.loss(value)
        }

    /** The optimizer, e.g. `sgd(learningRate = 0.1)`; a fresh one for every fit, since optimizers carry state. */
    public var optimizer: Optimizer
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.optimizer(value)
        }

    /** Passes over the training data, `> 0`. */
    public var epochs: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.epochs(value)
        }

    /** Examples per gradient step, `> 0`; a batch larger than the data means full batch. */
    public var batchSize: Int
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.batchSize(value)
        }

    /** Whether the examples are shuffled before every epoch. */
    public var shuffle: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.shuffle(value)
        }

    /** The shuffling seed; left out, the network's seed is used. */
    public var seed: Long
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.seed(value)
        }

    /** L2 weight decay λ ≥ 0: `λ·W` is added to every weight gradient. */
    public var l2: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.l2(value)
        }

    /** Clips the gradients' global L2 norm to at most this before every update (torch's clip_grad_norm_), [Fit.Builder.clipNorm]. */
    public var clipNorm: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.clipNorm(value)
        }

    /** Clamps every gradient element into ±this before every update (torch's clip_grad_value_), [Fit.Builder.clipValue]. */
    public var clipValue: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.clipValue(value)
        }

    /** Measures each epoch inside every layer and warns of known pathologies, [Fit.Builder.diagnostics]. */
    public var diagnostics: Boolean
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.diagnostics(value)
        }

    /** The learning-rate schedule, e.g. `stepDecay(every = 10, factor = 0.5)`. */
    public var schedule: Schedule
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.schedule(value)
        }

    /** The fraction of the data held out for validation (shuffled, stratified by class). */
    public var validationSplit: Double
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.validationSplit(value)
        }

    /** Validation data given explicitly instead of a split. */
    public var validation: DataSet
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.validation(value)
        }

    /** Stops after [patience] epochs without a lower validation loss and restores the best weights. */
    public fun earlyStopping(patience: Int) {
        builder.earlyStopping(patience)
    }

    /** As [earlyStopping], counting only improvements larger than [minDelta]. */
    public fun earlyStopping(patience: Int, minDelta: Double) {
        builder.earlyStopping(patience, minDelta)
    }

    /** One weight per class for the training loss, Σ w·l / Σ w as torch's cross_entropy(weight=…), [Fit.Builder.classWeights]. */
    public fun classWeights(vararg weights: Double) {
        builder.classWeights(*weights)
    }

    /** Writes a resumable checkpoint into [directory] every [everyEpochs] epochs, [Fit.Builder.checkpoints]. */
    public fun checkpoints(directory: Path, everyEpochs: Int) {
        builder.checkpoints(directory, everyEpochs)
    }

    /** Continues the training a checkpoint file stopped at, up to [epochs], [Fit.Builder.resumeFrom]. */
    public var resumeFrom: Path
        @Deprecated(WRITE_ONLY, level = DeprecationLevel.ERROR) get() = throw UnsupportedOperationException(WRITE_ONLY)
        set(value) {
            builder.resumeFrom(value)
        }

    /** Adds a listener, called at the end of every epoch. */
    public fun listener(listener: TrainingListener) {
        builder.listener(listener)
    }

    /** Adds [action] as a listener: `onEpoch { r -> println("epoch ${r.epoch()}  loss ${r.trainLoss()}") }`. */
    public fun onEpoch(action: (EpochResult) -> Unit) {
        builder.listener { result -> action(result) }
    }
}
