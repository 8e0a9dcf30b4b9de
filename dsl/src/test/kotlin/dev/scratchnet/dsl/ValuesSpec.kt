package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Loss
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs

class ValuesSpec : FunSpec({
    test("DSL values alias the Java contract constants") {
        relu shouldBeSameInstanceAs Activation.RELU
        sigmoid shouldBeSameInstanceAs Activation.SIGMOID
        mse shouldBeSameInstanceAs Loss.MSE
    }

    test("leakyRelu forwards its slope to the core") {
        leakyRelu(0.1).name() shouldBe Activation.leakyRelu(0.1).name()
    }
})
