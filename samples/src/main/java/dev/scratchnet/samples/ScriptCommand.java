package dev.scratchnet.samples;

import dev.scratchnet.dsl.script.ScriptCompilationException;
import dev.scratchnet.dsl.script.ScriptHost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a {@code *.nn.kts} Kotlin script with {@link ScriptHost}. Compile errors are printed as
 * {@code FILE:LINE:COLUMN: message} and exit with 1; an exception the script throws exits with 1
 * and its message (through {@link Main}'s handler). An unchanged script runs from the jar compiled
 * for it last time (see {@link #cacheDirectory()}), which saves the seconds the compiler takes.
 */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = {"Run a Kotlin script FILE.nn.kts that sees dev.scratchnet.* and dev.scratchnet.dsl.* "
                + "without imports.", "ARGS after the file reach the script as args (put -- before ARGS that start with -)."})
final class ScriptCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the script, e.g. samples/scripts/digits.nn.kts")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the script")
    List<String> args = new ArrayList<>();

    @Option(names = "--no-cache", description = "compile the script even when it is unchanged since its last run")
    boolean noCache;

    @Spec
    CommandSpec spec;

    /**
     * Where compiled scripts are kept between runs: {@code $XDG_CACHE_HOME/scratchnet}, or
     * {@code ~/.cache/scratchnet}, private to the user (see {@link ScriptHost#defaultCacheDirectory()}).
     */
    static Path cacheDirectory() {
        return ScriptHost.defaultCacheDirectory();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ScriptHost.run(file, args, warning -> {
                err.println(warning);
                err.flush();
            }, noCache ? null : cacheDirectory());
            return 0;
        } catch (ScriptCompilationException e) {
            e.getErrors().forEach(err::println);
            return 1;
        } finally {
            err.flush();
        }
    }
}
