package dev.scratchnet.dsl.script

import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import java.util.function.Consumer
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.constructorArgs
import kotlin.script.experimental.api.valueOr
import kotlin.script.experimental.host.ScriptingHostConfiguration
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.compilationCache
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate
import kotlin.script.experimental.jvmhost.createJvmEvaluationConfigurationFromTemplate

/**
 * Compiles and runs `*.nn.kts` files with the Kotlin scripting host from Maven (no `kotlinc`
 * install). Diagnostics are written as `FILE:LINE:COLUMN: message`, with the file as given.
 */
public object ScriptHost {

    /** What every script file name ends with. */
    public const val FILE_EXTENSION: String = ".nn.kts"

    /**
     * Compiles [file], hands each compiler warning about its lines to [warnings]
     * (`FILE:LINE:COLUMN: warning: message`), then runs it with [args] as its `args`.
     * With a [cacheDirectory], an unchanged script runs from the jar compiled for it last time
     * (and its warnings are not repeated); see [ScriptCache] for what counts as unchanged and how a
     * jar is verified before it is used. The cache directory is created private to the user.
     *
     * @throws NoSuchFileException when [file] is not a readable file
     * @throws java.nio.file.FileSystemException when [cacheDirectory] is not private to the user
     *   (owned by another, writable by others, a symbolic link), naming it and the fix
     * @throws IllegalArgumentException when its name does not end with `.nn.kts`
     * @throws ScriptCompilationException when it does not compile, with every error
     * @throws ScriptFailureException when the script throws, wrapping what it threw
     */
    @JvmStatic
    public fun run(file: Path, args: List<String>, warnings: Consumer<String>, cacheDirectory: Path?) {
        require(file.fileName?.toString()?.endsWith(FILE_EXTENSION) == true) {
            "a script file name must end with $FILE_EXTENSION, was $file"
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw NoSuchFileException(file.toString(), null, "no such script file")
        }
        val cache = cacheDirectory?.let { ScriptCache.open(it) }
        val hostConfiguration = ScriptingHostConfiguration(defaultJvmScriptingHostConfiguration) {
            if (cache != null) {
                jvm { compilationCache(cache) }
            }
        }
        val host = BasicJvmScriptingHost(hostConfiguration)
        val compilation = createJvmCompilationConfigurationFromTemplate<ScratchnetScript>(hostConfiguration)
        val evaluation = createJvmEvaluationConfigurationFromTemplate<ScratchnetScript> {
            constructorArgs(args.toTypedArray())
        }

        // compile
        val compiled = host.runInCoroutineContext { host.compiler(file.toFile().toScriptSource(), compilation) }
        compiled.reports
            // warnings about the script's own lines; the compiler's notes about itself are not the user's business
            .filter { it.severity == ScriptDiagnostic.Severity.WARNING && it.location != null }
            .forEach { warnings.accept("${located(file, it)}: warning: ${it.message}") }
        val script = compiled.valueOr { failure ->
            val errors = failure.reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }
            throw ScriptCompilationException(file.toString(), errors.map { "${located(file, it)}: ${it.message}" })
        }

        // run
        val evaluated = host.runInCoroutineContext { host.evaluator(script, evaluation) }
        if (evaluated is ResultWithDiagnostics.Failure) {
            throw IllegalStateException("$file compiled but could not be started: "
                + evaluated.reports.joinToString("; ") { it.exception?.toString() ?: it.message })
        }
        val returned = (evaluated as ResultWithDiagnostics.Success).value.returnValue
        if (returned is ResultValue.Error) {
            throw ScriptFailureException(file, returned.error)
        }
    }

    /**
     * Where compiled scripts are kept unless the caller names another place:
     * `$XDG_CACHE_HOME/scratchnet`, or `~/.cache/scratchnet` when `XDG_CACHE_HOME` is unset.
     * Deleting the directory clears the cache; it is created again on the next cached run.
     */
    @JvmStatic
    public fun defaultCacheDirectory(): Path = ScriptCache.location(System.getenv(), System.getProperty("user.home"))

    /** [run] without a cache. */
    @JvmStatic
    public fun run(file: Path, args: List<String>, warnings: Consumer<String>) {
        run(file, args, warnings, null)
    }

    /** [run] without a cache, the warnings dropped. */
    @JvmStatic
    public fun run(file: Path, args: List<String>) {
        run(file, args, { }, null)
    }

    private fun located(file: Path, diagnostic: ScriptDiagnostic): String {
        val start = diagnostic.location?.start ?: return file.toString()
        return "$file:${start.line}:${start.col}"
    }
}
