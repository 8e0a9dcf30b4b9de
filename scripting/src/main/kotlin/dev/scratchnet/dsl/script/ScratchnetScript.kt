package dev.scratchnet.dsl.script

import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.jvm.dependenciesFromClassContext
import kotlin.script.experimental.jvm.jvm

/**
 * The script definition of `*.nn.kts` files: Kotlin scripts that see `dev.scratchnet.*` and
 * `dev.scratchnet.dsl.*` without imports, and the command-line arguments after the file name
 * as [args]. [ScriptHost] compiles and runs them; IntelliJ finds this definition through the
 * `META-INF/kotlin/script/templates` entry of the scripting jar (artifact `scratchnet-scripting`)
 * and then highlights `*.nn.kts` files.
 */
@KotlinScript(
    displayName = "scratchnet script",
    fileExtension = "nn.kts",
    compilationConfiguration = ScratchnetScriptConfiguration::class,
)
public abstract class ScratchnetScript(
    /** The arguments after the script's file name on the command line (`./scratchnet script FILE ARGS…`). */
    public val args: Array<String>,
)

/**
 * How `*.nn.kts` scripts compile: the two default imports, and the whole classpath that loaded
 * this definition (core, dsl, ND4J) as the script's classpath, in the launcher as in an IDE.
 */
public object ScratchnetScriptConfiguration : ScriptCompilationConfiguration({
    defaultImports("dev.scratchnet.*", "dev.scratchnet.dsl.*")
    jvm {
        dependenciesFromClassContext(ScratchnetScript::class, wholeClasspath = true)
    }
    ide {
        acceptedLocations(ScriptAcceptedLocation.Everywhere)
    }
}) {
    // a singleton that survives serialization, as the scripting API expects of configurations
    private fun readResolve(): Any = ScratchnetScriptConfiguration
}
