package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Initializer
import dev.scratchnet.Network
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j

/** Every weight of every layer, in order, as exact doubles. */
private fun Network.allWeights(): List<List<Double>> =
    layers().flatMap { listOf(it.weights().ravel().toDoubleVector().toList(), it.bias().ravel().toDoubleVector().toList()) }

private fun shouldBeSameNetwork(dsl: Network, java: Network) {
    dsl.summary() shouldBe java.summary()
    dsl.allWeights() shouldBe java.allWeights()
}

/** The message of the exception [block] throws, of type [T]. */
private inline fun <reified T : Throwable> messageOf(block: () -> Unit): String? = shouldThrow<T>(block).message

class NetworkDslSpec : FunSpec({

    test("network { dense(nIn, nOut, f) } builds what the Java builder builds with the same seed") {
        val dsl = network(seed = 7) {
            dense(64, 15, relu)
            dense(15, 10, sigmoid)
        }
        val java = Network.builder().seed(7)
            .dense(64, 15, Activation.RELU)
            .dense(15, 10, Activation.SIGMOID)
            .build()
        shouldBeSameNetwork(dsl, java)
    }

    test("input(n) then dense(nOut, f), per-layer initializers and float64 match the builder") {
        val dsl = network(seed = 3, dataType = DataType.DOUBLE) {
            input(4)
            dense(8, tanh, initializer = he)
            dense(8, 6, leakyRelu(0.1), normal(0.5))
            dense(3, softmax, uniform(-0.1, 0.1))
        }
        val java = Network.builder().seed(3).dataType(DataType.DOUBLE)
            .input(4)
            .dense(8, Activation.TANH, Initializer.HE)
            .dense(8, 6, Activation.leakyRelu(0.1), Initializer.normal(0.5))
            .dense(3, Activation.SOFTMAX, Initializer.uniform(-0.1, 0.1))
            .build()
        shouldBeSameNetwork(dsl, java)
        dsl.dataType() shouldBe DataType.DOUBLE
    }

    test("a layer whose width does not chain is reported at its own dense call, with the builder's message") {
        val network = Throwable().stackTrace[0].lineNumber + 1
        val e = shouldThrow<IllegalArgumentException> {
            network {
                dense(64, 15, relu)
                dense(16, 10, softmax)
            }
        }
        e.message shouldBe "dense layer 2 expects nIn = 16 but layer 1 has nOut = 15"
        e.stackTrace.first { it.fileName == "NetworkDslSpec.kt" }.lineNumber shouldBe network + 3
    }

    test("network { } without arguments uses the builder's default seed and data type") {
        val dsl = network { dense(2, 3, identity) }
        shouldBeSameNetwork(dsl, Network.builder().dense(2, 3, Activation.IDENTITY).build())
    }

    test("explicit weights and bias are taken as given") {
        val weights = Nd4j.createFromArray(arrayOf(floatArrayOf(1f, 2f), floatArrayOf(3f, 4f)))
        val bias = Nd4j.createFromArray(0.5f, -0.5f)
        val net = network { dense(weights, bias, identity) }
        val x = Nd4j.createFromArray(arrayOf(floatArrayOf(1f, 1f)))
        net(x).ravel().toDoubleVector().toList() shouldBe listOf(4.5, 5.5)
    }

    test("dropout(rate) follows the dense layer above, as the builder's dropout") {
        val net = network { dense(2, 8, relu); dropout(0.2); dense(8, 3, softmax) }
        net.dropoutRate(0) shouldBe 0.2
        net.dropoutRate(1) shouldBe 0.0
    }

    test("net(x) is net.predict(x)") {
        val net = network(seed = 2) { dense(3, 2, sigmoid) }
        val x = Nd4j.rand(DataType.FLOAT, 5, 3)
        net(x).ravel().toDoubleVector().toList() shouldBe net.predict(x).ravel().toDoubleVector().toList()
    }

    test("layers whose sizes do not chain fail with the builder's own message") {
        val dsl = messageOf<IllegalArgumentException> {
            network { dense(64, 15, relu); dense(16, 10, sigmoid) }
        }
        val java = messageOf<IllegalArgumentException> {
            Network.builder().dense(64, 15, Activation.RELU).dense(16, 10, Activation.SIGMOID).build()
        }
        dsl shouldBe java
        dsl shouldContain "expects nIn = 16"
    }

    test("the builder's state errors surface unchanged") {
        messageOf<IllegalStateException> { network { } } shouldBe
            messageOf<IllegalStateException> { Network.builder().build() }
        messageOf<IllegalStateException> { network { dense(2, 3, relu); input(3) } } shouldContain
            "must come before the first layer"
        messageOf<IllegalArgumentException> { network { dense(0, relu) } } shouldBe
            messageOf<IllegalArgumentException> { Network.builder().dense(0, Activation.RELU) }
        messageOf<IllegalArgumentException> { network(dataType = DataType.INT32) { dense(2, 2, relu) } } shouldBe
            "dataType must be FLOAT or DOUBLE, was INT"
    }
})
