package dev.scratchnet.dsl.script

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.NoSuchFileException
import kotlin.io.path.writeText
import kotlin.script.experimental.annotations.KotlinScript

/** What [ScriptHost] refuses before compiling, and how IDEs find the script definition; scripts that compile are [ScriptHostIT]. */
class ScriptDefinitionSpec : FunSpec({
    val dir = tempdir().toPath()

    test("a missing file or a name that is not *.nn.kts is refused before compiling") {
        shouldThrow<NoSuchFileException> { ScriptHost.run(dir.resolve("absent.nn.kts"), emptyList()) }
            .message shouldContain "no such script file"
        val plain = dir.resolve("plain.kts").also { it.writeText("println(1)") }
        shouldThrow<IllegalArgumentException> { ScriptHost.run(plain, emptyList()) }
            .message shouldContain "must end with .nn.kts, was"
    }

    test("the script definition is discoverable by IDEs through META-INF/kotlin/script/templates") {
        val loader = ScratchnetScript::class.java.classLoader
        val entries = loader.getResources("META-INF/kotlin/script/templates/").toList()
        val names = entries.flatMap { url -> java.io.File(url.toURI()).list().orEmpty().toList() }
        names shouldContainExactly listOf(ScratchnetScript::class.java.name)
        val annotation = ScratchnetScript::class.java.getAnnotation(KotlinScript::class.java)
        annotation.fileExtension shouldBe "nn.kts"
    }
})
