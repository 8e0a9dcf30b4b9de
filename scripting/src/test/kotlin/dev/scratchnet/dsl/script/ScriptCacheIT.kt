package dev.scratchnet.dsl.script

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption.REPLACE_EXISTING
import java.nio.file.attribute.PosixFilePermissions
import java.nio.file.attribute.UserPrincipal
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.readText
import kotlin.io.path.writeText

/** The cache's hash check with real compilations (each takes seconds, so they run in the integration tier). */
class ScriptCacheIT : FunSpec({
    val dir = tempdir().toPath()

    test("a jar swapped after it was written is not run: the script is compiled again") {
        val cache = dir.resolve("swap-cache")
        val out = dir.resolve("swap.txt")
        val honest = dir.resolve("honest.nn.kts").also { it.writeText("java.io.File(args[0]).appendText(\"honest \")") }
        val planted = dir.resolve("planted.nn.kts").also { it.writeText("java.io.File(args[0]).appendText(\"planted \")") }
        ScriptHost.run(honest, listOf(out.toString()), { }, cache)
        val honestJar = cache.listDirectoryEntries("*.jar").single()
        ScriptHost.run(planted, listOf(out.toString()), { }, cache)
        val plantedJar = cache.listDirectoryEntries("*.jar").single { it != honestJar }

        Files.copy(plantedJar, honestJar, REPLACE_EXISTING)
        ScriptHost.run(honest, listOf(out.toString()), { }, cache)

        out.readText() shouldBe "honest planted honest "
        cache.listDirectoryEntries("*.jar") shouldHaveSize 2
        Files.readAllBytes(honestJar) shouldNotBe Files.readAllBytes(plantedJar)
        honestJar.resolveSibling(honestJar.fileName.toString().replace(".jar", ".sha256")).readText() shouldBe
            Files.newInputStream(honestJar).use(ScriptCache::sha256)
    }

    test("a jar without its recorded hash is not run either") {
        val cache = dir.resolve("unrecorded-cache")
        val out = dir.resolve("unrecorded.txt")
        val file = dir.resolve("unrecorded.nn.kts").also { it.writeText("java.io.File(args[0]).appendText(\"x\")") }
        ScriptHost.run(file, listOf(out.toString()), { }, cache)
        Files.delete(cache.listDirectoryEntries("*.sha256").single())
        ScriptHost.run(file, listOf(out.toString()), { }, cache)
        out.readText() shouldBe "xx"
        cache.listDirectoryEntries("*.sha256") shouldHaveSize 1
    }
})
