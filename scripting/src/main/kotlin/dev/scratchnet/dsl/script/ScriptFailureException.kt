package dev.scratchnet.dsl.script

import java.nio.file.Path

/**
 * A script that compiled but threw while running. The message is `FILE:LINE: message` of what
 * it threw (LINE being the script's deepest line in the stack trace); the original is the cause.
 */
public class ScriptFailureException(file: Path, cause: Throwable) :
    RuntimeException(describe(file, cause), cause) {

    private companion object {
        fun describe(file: Path, cause: Throwable): String {
            val name = file.fileName.toString()
            val line = cause.stackTrace.firstOrNull { it.fileName == name }?.lineNumber
            val where = if (line != null && line > 0) "$file:$line" else file.toString()
            return "$where: ${cause.message ?: cause.javaClass.name}"
        }
    }
}
