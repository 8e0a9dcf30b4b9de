package dev.scratchnet.dsl

import dev.scratchnet.Datasets
import dev.scratchnet.Fit
import dev.scratchnet.Loss
import dev.scratchnet.Optimizer
import dev.scratchnet.Schedule
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.lang.reflect.Modifier
import java.nio.file.Path

class FitSettingsParitySpec : FunSpec({

    test("every setting of Fit has a Fit.Builder method and a fit { } member of the same name") {
        // a few settings are set in pairs (or appended) by one method named for the pair
        val setBy = mapOf(
            "earlyStoppingPatience" to "earlyStopping", "earlyStoppingMinDelta" to "earlyStopping",
            "checkpointDirectory" to "checkpoints", "checkpointEvery" to "checkpoints", "listeners" to "listener",
        )
        val settings = Fit::class.java.recordComponents.flatMap { component ->
            if (component.type.isRecord) component.type.recordComponents.map { it.name } else listOf(component.name)
        }
        val builderMethods = Fit.Builder::class.java.declaredMethods
            .filter { Modifier.isPublic(it.modifiers) && it.name != "build" }
            .map { it.name }.toSet()
        val dslMembers = FitScope::class.java.declaredMethods
            .filter { Modifier.isPublic(it.modifiers) && !it.name.startsWith("get") }
            .map { if (it.name.startsWith("set")) it.name.removePrefix("set").replaceFirstChar(Char::lowercase) else it.name }
            .toSet()

        settings.map { setBy[it] ?: it }.toSet() shouldBe builderMethods
        dslMembers - "onEpoch" shouldBe builderMethods
    }

    test("fit { } with every setting builds the Fit that Fit.builder() builds") {
        val validation = Datasets.xor()
        val directory = Path.of("checkpoints")
        val builder = Fit.builder()
        FitScope(builder).apply {
            loss = crossEntropy
            optimizer = adam(learningRate = 0.01)
            schedule = stepDecay(every = 10, factor = 0.5)
            epochs = 7
            batchSize = 3
            shuffle = false
            seed = 9
            l2 = 1e-4
            clipNorm = 1.0
            classWeights(1.0, 2.0)
            this.validation = validation
            earlyStopping(3, 0.01)
            checkpoints(directory, 2)
            resumeFrom = directory.resolve("checkpoint-0000000002.zip")
            diagnostics = true
        }
        val java = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.01))
            .schedule(Schedule.stepDecay(10, 0.5)).epochs(7).batchSize(3).shuffle(false).seed(9).l2(1e-4)
            .clipNorm(1.0).classWeights(1.0, 2.0).validation(validation).earlyStopping(3, 0.01)
            .checkpoints(directory, 2).resumeFrom(directory.resolve("checkpoint-0000000002.zip")).diagnostics(true)
            .build()

        val dsl = builder.build()
        dsl.batching() shouldBe java.batching()
        dsl.regularisation() shouldBe java.regularisation()
        dsl.holdout() shouldBe java.holdout()
        dsl.checkpointing() shouldBe java.checkpointing()
        dsl.monitoring() shouldBe java.monitoring()
        dsl.loss() shouldBe java.loss()
        dsl.optimizer().name() shouldBe java.optimizer().name()
        dsl.schedule().name() shouldBe java.schedule().name()
    }
})
