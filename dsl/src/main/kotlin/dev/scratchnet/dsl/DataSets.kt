package dev.scratchnet.dsl

import dev.scratchnet.DataSet
import dev.scratchnet.Split
import org.nd4j.linalg.api.ndarray.INDArray

/** Features `[n, nIn]` with targets `[n, nOut]`, [DataSet.of]. */
public fun dataSetOf(features: INDArray, targets: INDArray): DataSet = DataSet.of(features, targets)

/** Features with one class label per row, as one-hot targets `[n, classes]`, [DataSet.ofClasses]. */
public fun dataSetOf(features: INDArray, labels: IntArray, classes: Int): DataSet =
    DataSet.ofClasses(features, labels, classes)

/** `val (train, test) = data.split(0.8)`: the part to train on. */
public operator fun Split.component1(): DataSet = train()

/** `val (train, test) = data.split(0.8)`: the held-out part. */
public operator fun Split.component2(): DataSet = test()
