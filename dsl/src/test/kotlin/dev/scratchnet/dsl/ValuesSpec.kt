package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Loss
import dev.scratchnet.ops.OpTable
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

/** Every op of the core's op table has a DSL name, spelled as the table spells it. */
class OpTableNamesSpec : FunSpec({
    val values = Class.forName("dev.scratchnet.dsl.ValuesKt")

    fun getter(name: String) = "get" + name.replaceFirstChar { it.uppercase() }

    test("each constant activation and loss is a DSL value aliasing the table's instance") {
        for (op in OpTable.ACTIVATIONS.filter { it.constant() != null }) {
            values.getMethod(getter(op.name())).invoke(null) shouldBeSameInstanceAs op.constant()
        }
        for (op in OpTable.LOSSES.filter { it.loss().name() == it.name() }) {
            values.getMethod(getter(op.name())).invoke(null) shouldBeSameInstanceAs op.loss()
        }
    }

    test("each parameterised loss is a DSL function of its parameter") {
        for (op in OpTable.LOSSES.filter { it.loss().name() != it.name() }) {
            val made = values.getMethod(op.name(), Double::class.javaPrimitiveType).invoke(null, 0.25) as Loss
            made shouldBe op.spec().getConstructor(Double::class.javaPrimitiveType).newInstance(0.25)
        }
    }

    test("each parameterised activation is a DSL function of its parameter") {
        for (op in OpTable.ACTIVATIONS.filter { it.constant() == null }) {
            val made = values.getMethod(op.name(), Double::class.javaPrimitiveType).invoke(null, 0.25) as Activation
            made shouldBe op.withParameter().apply(0.25)
        }
    }
})
