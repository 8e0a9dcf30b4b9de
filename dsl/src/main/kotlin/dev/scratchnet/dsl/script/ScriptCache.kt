package dev.scratchnet.dsl.script

import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import kotlin.script.experimental.api.CompiledScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.api.dependencies
import kotlin.script.experimental.jvm.CompiledJvmScriptsCache
import kotlin.script.experimental.jvm.JvmDependency
import kotlin.script.experimental.jvmhost.CompiledScriptJarsCache

/**
 * Compiled scripts kept as jars in [directory], so that running an unchanged script again skips
 * the compiler. The key is a SHA-256 of the script's name and text and of every classpath entry's
 * path, size and modification time, so editing the script or rebuilding scratchnet compiles anew.
 * A jar is written beside its final name and then renamed, so a crash never leaves half of one.
 */
internal class ScriptCache(private val directory: Path) : CompiledJvmScriptsCache {

    private val jars = CompiledScriptJarsCache { script, configuration -> jarFor(script, configuration) }

    override fun get(script: SourceCode, scriptCompilationConfiguration: ScriptCompilationConfiguration): CompiledScript? =
        jars.get(script, scriptCompilationConfiguration)

    override fun store(
        compiledScript: CompiledScript,
        script: SourceCode,
        scriptCompilationConfiguration: ScriptCompilationConfiguration,
    ) {
        val jar = jarFor(script, scriptCompilationConfiguration).toPath()
        Files.createDirectories(directory)
        val partial = Files.createTempFile(directory, jar.fileName.toString(), ".partial")
        CompiledScriptJarsCache { _, _ -> partial.toFile() }.store(compiledScript, script, scriptCompilationConfiguration)
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
    }

    private fun jarFor(script: SourceCode, configuration: ScriptCompilationConfiguration): File {
        val digest = MessageDigest.getInstance("SHA-256")
        fun add(text: String) = digest.update((text + "\u0000").toByteArray(Charsets.UTF_8))
        add(script.name.orEmpty())
        add(script.text)
        configuration[ScriptCompilationConfiguration.dependencies].orEmpty()
            .filterIsInstance<JvmDependency>()
            .flatMap { it.classpath }
            .forEach { add("${it.absolutePath} ${it.length()} ${it.lastModified()}") }
        val key = digest.digest().joinToString("") { "%02x".format(it) }
        return directory.resolve("$key.jar").toFile()
    }
}
