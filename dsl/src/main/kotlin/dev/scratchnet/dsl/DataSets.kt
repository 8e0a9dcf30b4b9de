package dev.scratchnet.dsl

import dev.scratchnet.DataSet
import dev.scratchnet.Split
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j

/** Features `[n, nIn]` with targets `[n, nOut]`, [DataSet.of]. */
public fun dataSetOf(features: INDArray, targets: INDArray): DataSet = DataSet.of(features, targets)

/** Features with one class label per row, as one-hot targets `[n, classes]`, [DataSet.ofClasses]. */
public fun dataSetOf(features: INDArray, labels: IntArray, classes: Int): DataSet =
    DataSet.ofClasses(features, labels, classes)

/** `val (train, test) = data.split(0.8)`: the part to train on. */
public operator fun Split.component1(): DataSet = train()

/** `val (train, test) = data.split(0.8)`: the held-out part. */
public operator fun Split.component2(): DataSet = test()

/**
 * Features from plain Kotlin numbers, one `DoubleArray` per row, with one class label per row:
 * `dataSetOf(arrayOf(doubleArrayOf(0.0, 1.0), …), intArrayOf(1, …), classes = 2)`. No ND4J import is
 * needed; the values are kept in float64 and cast to the network's data type when it trains.
 */
public fun dataSetOf(features: Array<DoubleArray>, labels: IntArray, classes: Int): DataSet =
    DataSet.ofClasses(matrix("features", features), labels, classes)

/** Features and real-valued targets from plain Kotlin numbers, one `DoubleArray` per row each. */
public fun dataSetOf(features: Array<DoubleArray>, targets: Array<DoubleArray>): DataSet =
    DataSet.of(matrix("features", features), matrix("targets", targets))

/** Features as lists of rows, with one class label per row: `dataSetOf(listOf(listOf(0.0, 1.0), …), listOf(1, …), classes = 2)`. */
public fun dataSetOf(features: List<List<Double>>, labels: List<Int>, classes: Int): DataSet =
    dataSetOf(rows(features), labels.toIntArray(), classes)

/** Features and real-valued targets as lists of rows: `dataSetOf(listOf(listOf(0.0, 1.0)), listOf(listOf(1.0)))`. */
public fun dataSetOf(features: List<List<Double>>, targets: List<List<Double>>): DataSet =
    dataSetOf(rows(features), rows(targets))

private fun rows(rows: List<List<Double>>): Array<DoubleArray> = Array(rows.size) { rows[it].toDoubleArray() }

/** A float64 matrix of the rows; every row as long as the first, said by name when not. */
private fun matrix(name: String, rows: Array<DoubleArray>): INDArray {
    require(rows.isNotEmpty()) { "$name must have at least one row, was none" }
    val width = rows[0].size
    require(width > 0) { "$name must have at least one column, row 0 has none" }
    for (i in rows.indices) {
        require(rows[i].size == width) { "$name row $i has ${rows[i].size} values but row 0 has $width" }
    }
    return Nd4j.createFromArray(rows)
}
