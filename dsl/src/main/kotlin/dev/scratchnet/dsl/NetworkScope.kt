package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Backend
import dev.scratchnet.Scaler
import dev.scratchnet.Initializer
import dev.scratchnet.Network
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray

/**
 * Builds a [Network], layers in order; the typed Kotlin skin over [Network.Builder]:
 * ```
 * val net = network(seed = 1) {
 *     dense(64, 15, relu)
 *     dense(15, 10, sigmoid)
 * }
 * ```
 * [seed] and [dataType] default to the builder's own defaults. The builder checks everything,
 * so the errors are exactly the Java builder's: layers whose sizes do not chain fail here,
 * naming both layers. An error about dense layer k points its stack trace at the k-th `dense(…)`
 * call, so that a script's error names the line of the offending layer rather than `network {`.
 */
public fun network(
    seed: Long = Network.Builder.DEFAULT_SEED,
    dataType: DataType = Network.Builder.DEFAULT_DATA_TYPE,
    layers: NetworkScope.() -> Unit,
): Network {
    val builder = Network.builder().seed(seed).dataType(dataType)
    val scope = NetworkScope(builder)
    scope.layers()
    try {
        return builder.build()
    } catch (e: IllegalArgumentException) {
        throw scope.atCallOfLayerIn(e)
    }
}

/** `net(x)` is `net.predict(x)`: the outputs `[n, nOut]` for inputs `x [n, nIn]`, as a new array. */
public operator fun Network.invoke(x: INDArray): INDArray = predict(x)

/**
 * The body of `network { }`: each function adds one layer by calling the [Network.Builder]
 * method of the same name and parameters, and adds nothing of its own.
 */
@ScratchnetDsl
public class NetworkScope internal constructor(private val builder: Network.Builder) {

    /** Where each `dense(…)` was called, in order: the k-th is dense layer k. */
    private val denseCalls = mutableListOf<Array<StackTraceElement>>()

    private fun calledHere() {
        denseCalls += Throwable().stackTrace
    }

    /** [e] with the stack of the `dense(…)` call its message names ("dense layer k …") in front, if it names one. */
    internal fun atCallOfLayerIn(e: IllegalArgumentException): IllegalArgumentException {
        val layer = Regex("^dense layer (\\d+)").find(e.message ?: "")?.groupValues?.get(1)?.toIntOrNull()
        if (layer != null && layer in 1..denseCalls.size) {
            e.stackTrace = denseCalls[layer - 1] + e.stackTrace
        }
        return e
    }

    /** The input width, so that each following `dense(nOut, activation)` gives only its output width. */
    public fun input(nIn: Int) {
        builder.input(nIn)
    }

    /** A scaler of the raw inputs, fitted on training rows ([Network.Builder.scaler]); `scaler(Scaler.standardize(train.features()))`. */
    public fun scaler(scaler: Scaler) {
        builder.scaler(scaler)
    }

    /** A scaler of regression targets ([Network.Builder.targetScaler]): outputs come back in the targets' units. */
    public fun targetScaler(scaler: Scaler) {
        builder.targetScaler(scaler)
    }

    /** The classes' names in output order ([Network.Builder.classNames]). */
    public fun classNames(names: List<String>) {
        builder.classNames(names)
    }

    /** The backend that does the arithmetic ([Network.Builder.backend]). */
    public fun backend(backend: Backend) {
        builder.backend(backend)
    }

    /** A dense layer `nIn → nOut` with the builder's default initializer. */
    public fun dense(nIn: Int, nOut: Int, activation: Activation) {
        calledHere()
        builder.dense(nIn, nOut, activation)
    }

    /** A dense layer `nIn → nOut` whose weights [initializer] fills, e.g. `initializer = he`. */
    public fun dense(nIn: Int, nOut: Int, activation: Activation, initializer: Initializer) {
        calledHere()
        builder.dense(nIn, nOut, activation, initializer)
    }

    /** Inverted dropout of [rate] after the dense layer above, in training only, [Network.Builder.dropout]. */
    public fun dropout(rate: Double) {
        builder.dropout(rate)
    }

    /** A dense layer whose input width is the previous layer's output, or [input]'s width. */
    public fun dense(nOut: Int, activation: Activation) {
        calledHere()
        builder.dense(nOut, activation)
    }

    /** As `dense(nOut, activation)`, with weights filled by [initializer]. */
    public fun dense(nOut: Int, activation: Activation, initializer: Initializer) {
        calledHere()
        builder.dense(nOut, activation, initializer)
    }

    /** A dense layer with explicit [weights] `[nIn, nOut]` and [bias] `[nOut]` or `[1, nOut]`, both copied. */
    public fun dense(weights: INDArray, bias: INDArray, activation: Activation) {
        calledHere()
        builder.dense(weights, bias, activation)
    }
}
