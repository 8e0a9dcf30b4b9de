package dev.scratchnet.dsl.script

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.nio.file.Path
import kotlin.io.path.exists
import kotlin.io.path.readText
import kotlin.io.path.writeText

/** Scripts compiled and run by [ScriptHost]; what it refuses before compiling is [ScriptDefinitionSpec]. */
class ScriptHostIT : FunSpec({
    val dir = tempdir().toPath()

    fun script(name: String, code: String): Path = dir.resolve(name).also { it.writeText(code.trimIndent()) }

    test("a script sees dev.scratchnet and the DSL without imports, and gets its arguments") {
        val out = dir.resolve("out.txt")
        val file = script("train.nn.kts", """
            val (train, _) = Datasets.xor().split(0.5)
            val net = network(seed = 1) { dense(2, 3, tanh); dense(3, 1, sigmoid) }
            val history = net.fit(train) { loss = binaryCrossEntropy; epochs = 3; batchSize = 2 }
            java.io.File(args[0]).writeText("${'$'}{history.epochs()} ${'$'}{args[1]} ${'$'}{net(train.features()).rows()}")
        """)
        val warnings = mutableListOf<String>()
        ScriptHost.run(file, listOf(out.toString(), "hello")) { warnings += it }
        warnings shouldBe emptyList()
        out.readText() shouldBe "3 hello 2"
    }

    test("warnings about the script's lines are handed over with their place, before the script runs") {
        val out = dir.resolve("ran.txt")
        val file = script("warns.nn.kts", """
            val name = "net"
            java.io.File(args[0]).writeText(name!!)
        """)
        val warnings = mutableListOf<String>()
        val ranBeforeWarning = mutableListOf<Boolean>()
        ScriptHost.run(file, listOf(out.toString())) { warnings += it; ranBeforeWarning += out.exists() }
        warnings.single() shouldStartWith "$file:2:"
        warnings.single() shouldContain "warning: Unnecessary non-null assertion"
        ranBeforeWarning shouldBe listOf(false)
        out.readText() shouldBe "net"
    }

    test("with a cache directory an unchanged script runs from its jar, and an edited one compiles anew") {
        val cache = dir.resolve("cache")
        val out = dir.resolve("count.txt")
        val file = script("cached.nn.kts", "java.io.File(args[0]).appendText(\"a\")")
        fun jars() = cache.toFile().listFiles().orEmpty().filter { it.name.endsWith(".jar") }
            .map { "${it.name} ${it.lastModified()}" }.sorted()

        ScriptHost.run(file, listOf(out.toString()), { }, cache)
        val first = jars()
        ScriptHost.run(file, listOf(out.toString()), { }, cache)
        first shouldHaveSize 1
        jars() shouldBe first
        out.readText() shouldBe "aa"

        file.writeText("java.io.File(args[0]).appendText(\"b\")")
        ScriptHost.run(file, listOf(out.toString()), { }, cache)
        jars() shouldHaveSize 2
        out.readText() shouldBe "aab"
    }

    test("compile errors come back as FILE:LINE:COLUMN: message, every one of them") {
        val file = script("broken.nn.kts", """
            val net = network {
                dense(2, 3, tanh)
                foo(3)
            }
            val n: Int = "three"
        """)
        val e = shouldThrow<ScriptCompilationException> { ScriptHost.run(file, emptyList()) }
        e.errors shouldHaveSize 2
        e.errors[0] shouldBe "$file:3:5: Unresolved reference: foo"
        e.errors[1] shouldStartWith "$file:5:14: Type mismatch"
        e.message shouldBe e.errors.joinToString("\n")
    }

    test("scopes do not leak: a network { } member cannot be called inside a nested fit { }") {
        val file = script("leak.nn.kts", """
            val other = network { dense(2, 1, sigmoid) }
            network {
                dense(2, 3, tanh)
                other.fit(Datasets.xor()) {
                    dense(3, 1, sigmoid)
                }
            }
        """)
        val e = shouldThrow<ScriptCompilationException> { ScriptHost.run(file, emptyList()) }
        e.errors shouldHaveSize 1
        e.errors[0] shouldStartWith "$file:5:9: "
        e.errors[0] shouldContain "can't be called in this context by implicit receiver"
    }

    test("fit settings are write-only: reading one is a compile error, not a silent self-assignment") {
        val file = script("read.nn.kts", """
            network { dense(2, 1, sigmoid) }.fit(Datasets.xor()) {
                loss = mse
                epochs = epochs + 1
            }
        """)
        val e = shouldThrow<ScriptCompilationException> { ScriptHost.run(file, emptyList()) }
        e.errors.single() shouldContain "$file:3:14: "
        e.errors.single() shouldContain "fit settings are write-only"
    }

    test("a script's own exception fails the run with its message and the line of the offending call") {
        val file = script("throws.nn.kts", """
            val sizes = listOf(2, 3)
            network {
                dense(sizes[0], sizes[1], tanh)
                dense(4, 1, sigmoid)
            }
        """)
        val e = shouldThrow<ScriptFailureException> { ScriptHost.run(file, emptyList()) }
        // line 4, the dense layer that does not chain, not line 2, where network { } builds
        e.message shouldBe "$file:4: dense layer 2 expects nIn = 4 but layer 1 has nOut = 3"
        (e.cause is IllegalArgumentException) shouldBe true
    }
})
