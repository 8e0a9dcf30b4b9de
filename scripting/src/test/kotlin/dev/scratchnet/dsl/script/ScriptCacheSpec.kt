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

class ScriptCacheSpec : FunSpec({
    val dir = tempdir().toPath()

    fun permissions(path: Path): String = PosixFilePermissions.toString(Files.getPosixFilePermissions(path))

    test("the cache lives in \$XDG_CACHE_HOME/scratchnet, else in ~/.cache/scratchnet") {
        ScriptCache.location(mapOf("XDG_CACHE_HOME" to "/var/cache/ada"), "/home/ada") shouldBe
            Path.of("/var/cache/ada/scratchnet")
        ScriptCache.location(emptyMap(), "/home/ada") shouldBe Path.of("/home/ada/.cache/scratchnet")
        ScriptCache.location(mapOf("XDG_CACHE_HOME" to ""), "/home/ada") shouldBe Path.of("/home/ada/.cache/scratchnet")
        ScriptCache.location(mapOf("XDG_CACHE_HOME" to "relative"), "/home/ada") shouldBe
            Path.of("/home/ada/.cache/scratchnet")
    }

    test("a missing cache directory is created with owner-only permissions, its parents too") {
        val cache = dir.resolve("home/.cache/scratchnet")
        ScriptCache.open(cache)
        permissions(cache) shouldBe "rwx------"
    }

    test("an existing private directory readable by others is narrowed to owner-only") {
        val cache = Files.createDirectory(dir.resolve("readable"))
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"))
        ScriptCache.open(cache)
        permissions(cache) shouldBe "rwx------"
    }

    test("a directory writable by group or others is refused, naming it and the fix") {
        for (mode in listOf("rwxrwx---", "rwx---rwx", "rwxrwxrwx")) {
            val cache = Files.createDirectory(dir.resolve("open-$mode"))
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString(mode))
            val e = shouldThrow<FileSystemException> { ScriptCache.open(cache) }
            e.message shouldContain "$cache: is writable by group or others"
            e.message shouldContain "rm -r '$cache'"
            permissions(cache) shouldBe mode
        }
    }

    test("a directory owned by someone else is refused") {
        val cache = Files.createDirectory(dir.resolve("theirs"))
        val someoneElse = UserPrincipal { "mallory" }
        shouldThrow<FileSystemException> { ScriptCache.open(cache, someoneElse) }
            .message shouldContain "is owned by ${Files.getOwner(cache).name}, not by you (mallory)"
    }

    test("a symbolic link in the cache's place is refused, even to a private directory") {
        val target = Files.createDirectory(dir.resolve("target"))
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"))
        val link = Files.createSymbolicLink(dir.resolve("link"), target)
        shouldThrow<FileSystemException> { ScriptCache.open(link) }.message shouldContain "is a symbolic link"
    }
})
