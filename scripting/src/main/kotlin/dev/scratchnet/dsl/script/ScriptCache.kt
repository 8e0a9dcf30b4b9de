package dev.scratchnet.dsl.script

import java.io.InputStream
import java.nio.file.Files
import java.nio.file.LinkOption.NOFOLLOW_LINKS
import java.nio.file.Path
import java.nio.file.StandardCopyOption.ATOMIC_MOVE
import java.nio.file.StandardCopyOption.REPLACE_EXISTING
import java.nio.file.attribute.UserPrincipal
import java.security.MessageDigest
import kotlin.script.experimental.api.CompiledScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.api.dependencies
import kotlin.script.experimental.jvm.CompiledJvmScriptsCache
import kotlin.script.experimental.jvm.JvmDependency
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvmhost.loadScriptFromJar
import kotlin.script.experimental.jvmhost.saveToJar

/**
 * Compiled scripts kept as jars in [directory], so that running an unchanged script again skips
 * the compiler. The key is a SHA-256 of the script's name and text and of every classpath entry's
 * path, size and modification time, so editing the script or rebuilding scratchnet compiles anew.
 *
 * The directory is private ([PrivateDirectory]), and beside each `KEY.jar` lies `KEY.sha256`, the
 * SHA-256 of the jar's bytes as written; a jar whose bytes no longer match it is deleted and the
 * script compiled again, never loaded. A jar and its record are written beside their final names
 * and then renamed, so a crash never leaves half of one.
 */
internal class ScriptCache private constructor(private val directory: Path) : CompiledJvmScriptsCache {

    override fun get(script: SourceCode, scriptCompilationConfiguration: ScriptCompilationConfiguration): CompiledScript? {
        val key = keyFor(script, scriptCompilationConfiguration)
        val jar = directory.resolve("$key.jar")
        val record = directory.resolve("$key.sha256")
        if (!Files.isRegularFile(jar, NOFOLLOW_LINKS) || !Files.isRegularFile(record, NOFOLLOW_LINKS)) {
            return null
        }
        val recorded = Files.newInputStream(record).use { String(it.readNBytes(HEX_LENGTH + 1), Charsets.US_ASCII) }
        if (recorded != Files.newInputStream(jar).use(::sha256)) {
            forget(key)
            return null
        }
        return jar.toFile().loadScriptFromJar() ?: null.also { forget(key) }
    }

    override fun store(
        compiledScript: CompiledScript,
        script: SourceCode,
        scriptCompilationConfiguration: ScriptCompilationConfiguration,
    ) {
        val jvmScript = compiledScript as? KJvmCompiledScript ?: return
        val key = keyFor(script, scriptCompilationConfiguration)
        val partialJar = Files.createTempFile(directory, key, ".jar.partial")
        val partialRecord = Files.createTempFile(directory, key, ".sha256.partial")
        try {
            jvmScript.saveToJar(partialJar.toFile())
            Files.writeString(partialRecord, Files.newInputStream(partialJar).use(::sha256))
            Files.move(partialRecord, directory.resolve("$key.sha256"), REPLACE_EXISTING, ATOMIC_MOVE)
            Files.move(partialJar, directory.resolve("$key.jar"), REPLACE_EXISTING, ATOMIC_MOVE)
        } finally {
            Files.deleteIfExists(partialJar)
            Files.deleteIfExists(partialRecord)
        }
    }

    private fun forget(key: String) {
        Files.deleteIfExists(directory.resolve("$key.jar"))
        Files.deleteIfExists(directory.resolve("$key.sha256"))
    }

    private fun keyFor(script: SourceCode, configuration: ScriptCompilationConfiguration): String {
        val digest = MessageDigest.getInstance("SHA-256")
        fun add(text: String) = digest.update((text + "\u0000").toByteArray(Charsets.UTF_8))
        add(script.name.orEmpty())
        add(script.text)
        configuration[ScriptCompilationConfiguration.dependencies].orEmpty()
            .filterIsInstance<JvmDependency>()
            .flatMap { it.classpath }
            .forEach { add("${it.absolutePath} ${it.length()} ${it.lastModified()}") }
        return hex(digest.digest())
    }

    internal companion object {

        private const val HEX_LENGTH = 64

        /**
         * The cache's default place: `$XDG_CACHE_HOME/scratchnet`, or `~/.cache/scratchnet` when the
         * variable is unset, empty or relative (as the XDG base directory specification says).
         */
        fun location(environment: Map<String, String>, userHome: String): Path {
            val cacheHome = environment["XDG_CACHE_HOME"]?.let(Path::of)?.takeIf { it.isAbsolute }
            return (cacheHome ?: Path.of(userHome, ".cache")).resolve("scratchnet")
        }

        /** A cache in [directory], created private to [owner] or checked to be (see [PrivateDirectory]). */
        fun open(directory: Path, owner: UserPrincipal = PrivateDirectory.currentUser()): ScriptCache =
            ScriptCache(PrivateDirectory.open(directory, owner))

        fun sha256(bytes: InputStream): String {
            val digest = MessageDigest.getInstance("SHA-256")
            val buffer = ByteArray(64 * 1024)
            while (true) {
                val count = bytes.read(buffer)
                if (count < 0) break
                digest.update(buffer, 0, count)
            }
            return hex(digest.digest())
        }

        private fun hex(bytes: ByteArray): String = bytes.joinToString("") { "%02x".format(it) }
    }
}
