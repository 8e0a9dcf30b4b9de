package dev.scratchnet.dsl.script

/**
 * A script that does not compile. The message is one `FILE:LINE:COLUMN: message` line per error,
 * the format editors and terminals turn into links.
 */
public class ScriptCompilationException(
    /** The script file, as it was given. */
    public val file: String,
    /** One `FILE:LINE:COLUMN: message` line per error. */
    public val errors: List<String>,
) : IllegalArgumentException(errors.ifEmpty { listOf("$file: does not compile") }.joinToString("\n"))
