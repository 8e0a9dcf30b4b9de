package dev.scratchnet.dsl

import dev.scratchnet.DataSet
import dev.scratchnet.Datasets
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.nd4j.linalg.factory.Nd4j

class DataSetsDslSpec : FunSpec({

    test("val (train, test) = data.split(0.8) is the Java split with the default seed") {
        val spiral = Datasets.spiral(20, 3, 5)
        val (train, test) = spiral.split(0.8)
        val java = spiral.split(0.8, DataSet.DEFAULT_SPLIT_SEED)
        train.size() shouldBe 48
        test.size() shouldBe 12
        train.features().ravel().toDoubleVector().toList() shouldBe java.train().features().ravel().toDoubleVector().toList()
        test.features().ravel().toDoubleVector().toList() shouldBe java.test().features().ravel().toDoubleVector().toList()
    }

    test("dataSetOf(features, labels, classes) one-hot encodes the labels") {
        val features = Nd4j.rand(3, 2)
        val data = dataSetOf(features, intArrayOf(2, 0, 1), classes = 3)
        data.labels().toList() shouldBe listOf(2, 0, 1)
        data.numOutputs() shouldBe 3
    }

    test("dataSetOf(features, targets) pairs them, and bad labels fail with the core's message") {
        dataSetOf(Nd4j.rand(4, 2), Nd4j.zeros(4, 1)).size() shouldBe 4
        shouldThrow<IllegalArgumentException> { dataSetOf(Nd4j.rand(2, 2), intArrayOf(0, 5), classes = 3) }
            .message shouldContain "label 5 at row 1 is outside [0, 3)"
    }

    test("dataSetOf takes plain Kotlin arrays and lists, as the INDArray forms do") {
        val arrays = dataSetOf(arrayOf(doubleArrayOf(0.0, 1.0), doubleArrayOf(1.0, 0.0), doubleArrayOf(1.0, 1.0)),
            intArrayOf(1, 1, 0), classes = 2)
        val lists = dataSetOf(listOf(listOf(0.0, 1.0), listOf(1.0, 0.0), listOf(1.0, 1.0)), listOf(1, 1, 0), classes = 2)
        arrays.labels().toList() shouldBe listOf(1, 1, 0)
        lists.labels().toList() shouldBe listOf(1, 1, 0)
        lists.features().toDoubleMatrix().map { it.toList() } shouldBe listOf(listOf(0.0, 1.0), listOf(1.0, 0.0), listOf(1.0, 1.0))
        val regression = dataSetOf(listOf(listOf(1.0), listOf(2.0)), listOf(listOf(10.0), listOf(20.0)))
        regression.targets().toDoubleMatrix().map { it.toList() } shouldBe listOf(listOf(10.0), listOf(20.0))
        dataSetOf(arrayOf(doubleArrayOf(1.0, 2.0)), arrayOf(doubleArrayOf(3.0))).numOutputs() shouldBe 1
    }

    test("plain rows of different lengths are refused, naming the row") {
        shouldThrow<IllegalArgumentException> { dataSetOf(listOf(listOf(0.0, 1.0), listOf(1.0)), listOf(0, 1), classes = 2) }
            .message shouldBe "features row 1 has 1 values but row 0 has 2"
        shouldThrow<IllegalArgumentException> { dataSetOf(emptyList<List<Double>>(), emptyList<Int>(), classes = 2) }
            .message shouldBe "features must have at least one row, was none"
    }
})
