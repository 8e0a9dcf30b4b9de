package dev.scratchnet.dsl.script

import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.constructorArgs
import kotlin.script.experimental.host.toScriptSource
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
     * Compiles [file] and runs it with [args] as its `args`.
     *
     * @return the compiler's warnings, one `FILE:LINE:COLUMN: warning: message` line each
     * @throws NoSuchFileException when [file] is not a readable file
     * @throws IllegalArgumentException when its name does not end with `.nn.kts`
     * @throws ScriptCompilationException when it does not compile, with every error
     * @throws ScriptFailureException when the script throws, wrapping what it threw
     */
    @JvmStatic
    public fun run(file: Path, args: List<String>): List<String> {
        require(file.fileName?.toString()?.endsWith(FILE_EXTENSION) == true) {
            "a script file name must end with $FILE_EXTENSION, was $file"
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw NoSuchFileException(file.toString(), null, "no such script file")
        }
        val compilation = createJvmCompilationConfigurationFromTemplate<ScratchnetScript>()
        val evaluation = createJvmEvaluationConfigurationFromTemplate<ScratchnetScript> {
            constructorArgs(args.toTypedArray())
        }
        val result = BasicJvmScriptingHost().eval(file.toFile().toScriptSource(), compilation, evaluation)
        val warnings = result.reports
            // warnings about the script's own lines; the compiler's notes about itself are not the user's business
            .filter { it.severity == ScriptDiagnostic.Severity.WARNING && it.location != null }
            .map { "${located(file, it)}: warning: ${it.message}" }
        if (result is ResultWithDiagnostics.Failure) {
            val errors = result.reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }
            throw ScriptCompilationException(file.toString(), errors.map { "${located(file, it)}: ${it.message}" })
        }
        val returned = (result as ResultWithDiagnostics.Success).value.returnValue
        if (returned is ResultValue.Error) {
            throw ScriptFailureException(file, returned.error)
        }
        return warnings
    }

    private fun located(file: Path, diagnostic: ScriptDiagnostic): String {
        val start = diagnostic.location?.start ?: return file.toString()
        return "$file:${start.line}:${start.col}"
    }
}
