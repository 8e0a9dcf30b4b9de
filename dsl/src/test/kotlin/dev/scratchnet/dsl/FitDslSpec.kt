package dev.scratchnet.dsl

import dev.scratchnet.Activation
import dev.scratchnet.Datasets
import dev.scratchnet.EpochResult
import dev.scratchnet.Fit
import dev.scratchnet.Loss
import dev.scratchnet.Network
import dev.scratchnet.Optimizer
import dev.scratchnet.Schedule
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThanOrEqual
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe

class FitDslSpec : FunSpec({

    test("a small training run learns: spiral with ReLU/softmax reaches 90% and the loss at least halves") {
        val spiral = Datasets.spiral(50, 3, 0)
        val net = network(seed = 1) {
            dense(2, 50, relu)
            dense(50, 3, softmax)
        }
        val history = net.fit(spiral) {
            loss = crossEntropy
            optimizer = sgd(learningRate = 1.0)
            l2 = 1e-3
            epochs = 1000
            batchSize = spiral.size()
        }
        history.epochs() shouldBe 1000
        history.finalLoss() shouldBeLessThan history.trainLoss()[0] / 2
        net.evaluate(spiral).accuracy() shouldBeGreaterThanOrEqual 0.9
    }

    test("fit { } trains exactly as Fit.builder() does with the same settings") {
        val xor = Datasets.xor()
        fun fresh() = Network.builder().seed(4).dense(2, 3, Activation.TANH).dense(3, 1, Activation.SIGMOID).build()
        val dsl = fresh()
        val java = fresh()
        val seen = mutableListOf<EpochResult>()

        val dslHistory = dsl.fit(xor) {
            loss = binaryCrossEntropy
            optimizer = sgd(learningRate = 0.5)
            epochs = 20
            batchSize = 2
            shuffle = true
            seed = 9
            l2 = 1e-4
            onEpoch { seen += it }
        }
        val javaHistory = java.fit(xor, Fit.builder()
            .loss(Loss.BINARY_CROSS_ENTROPY).optimizer(Optimizer.sgd(0.5))
            .epochs(20).batchSize(2).shuffle(true).seed(9).l2(1e-4)
            .build())

        dslHistory.trainLoss().toList() shouldBe javaHistory.trainLoss().toList()
        dsl.layer(0).weights().ravel().toDoubleVector().toList() shouldBe
            java.layer(0).weights().ravel().toDoubleVector().toList()
        seen.map { it.epoch() } shouldBe (1..20).toList()
        seen.map { it.trainLoss() } shouldBe dslHistory.trainLoss().toList()
    }

    test("optimizers, schedules, validation and early stopping map one-to-one onto the Java names") {
        val spiral = Datasets.spiral(40, 3, 2)
        fun fresh() = Network.builder().seed(5).dense(2, 16, Activation.RELU).dense(16, 3, Activation.SOFTMAX).build()
        val dsl = fresh()
        val java = fresh()

        val dslHistory = dsl.fit(spiral) {
            loss = crossEntropy
            optimizer = adam(learningRate = 0.05)
            schedule = stepDecay(every = 5, factor = 0.5)
            validationSplit = 0.2
            earlyStopping(patience = 3, minDelta = 1e-4)
            epochs = 40
            batchSize = 16
        }
        val javaHistory = java.fit(spiral, Fit.builder()
            .loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.05)).schedule(Schedule.stepDecay(5, 0.5))
            .validationSplit(0.2).earlyStopping(3, 1e-4).epochs(40).batchSize(16)
            .build())

        dslHistory.validationLoss().toList() shouldBe javaHistory.validationLoss().toList()
        dslHistory.learningRate().toList() shouldBe javaHistory.learningRate().toList()
        dslHistory.stopReason() shouldBe javaHistory.stopReason()
        listOf(momentum(0.1, 0.9), nesterov(0.1, 0.9), adam(0.1, 0.8, 0.9, 1e-7), rmsProp(0.1), rmsProp(0.1, 0.9, 1e-6))
            .map { it.name() } shouldBe listOf(Optimizer.momentum(0.1, 0.9), Optimizer.nesterov(0.1, 0.9),
                Optimizer.adam(0.1, 0.8, 0.9, 1e-7), Optimizer.rmsProp(0.1), Optimizer.rmsProp(0.1, 0.9, 1e-6))
            .map { it.name() }
        listOf(adamW(0.1, 0.01), adamW(0.1, 0.01, 0.8, 0.9, 1e-7)).map { it.name() } shouldBe
            listOf(Optimizer.adamW(0.1, 0.01), Optimizer.adamW(0.1, 0.01, 0.8, 0.9, 1e-7)).map { it.name() }
        listOf(cosine(10), cosine(10, 0.001), warmUp(3, cosine(7))).map { it.name() } shouldBe
            listOf(Schedule.cosine(10), Schedule.cosine(10, 0.001), Schedule.cosine(7).withWarmUp(3)).map { it.name() }
    }

    test("diagnostics = true asks for the diagnostics: one record per epoch and layer, warnings of a dead layer") {
        val digits = Datasets.digits().scale(1 / 16.0)
        val net = network(seed = 1) {
            dense(64, 15, relu, uniform(-0.1, 0.0))
            dense(15, 10, softmax)
        }
        val history = net.fit(digits) {
            loss = crossEntropy
            epochs = 2
            diagnostics = true
        }
        history.diagnostics().size shouldBe 4
        history.warnings().single().startsWith("dense layer 1: 100 % of its 15 ReLUs never fired in epoch 1") shouldBe true
    }

    test("the builder's errors surface unchanged") {
        val net = network { dense(2, 1, sigmoid) }
        shouldThrow<IllegalArgumentException> { net.fit(Datasets.xor()) { epochs = 0 } }.message shouldBe
            shouldThrow<IllegalArgumentException> { Fit.builder().epochs(0) }.message
        shouldThrow<IllegalArgumentException> { net.fit(Datasets.xor()) { l2 = -1.0 } }.message shouldBe
            "l2 must be >= 0 and finite, was -1.0"
        shouldThrow<IllegalArgumentException> { net.fit(Datasets.xor()) { optimizer = sgd(learningRate = -0.1) } }
            .message shouldBe shouldThrow<IllegalArgumentException> { Optimizer.sgd(-0.1) }.message
        shouldThrow<IllegalStateException> { net.fit(Datasets.xor()) { epochs = 1 } }.message shouldBe
            shouldThrow<IllegalStateException> { Fit.builder().build() }.message
    }
})
