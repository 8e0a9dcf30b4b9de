package dev.scratchnet.samples;

import dev.scratchnet.samples.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./scratchnet} command line: one subcommand per sample. */
@Command(name = "scratchnet", mixinStandardHelpOptions = true, version = "scratchnet 0.1.0",
        description = "Train and evaluate small neural networks written from scratch.",
        subcommands = {DigitsCommand.class, MnistCommand.class, MakeMnistLikeCommand.class, XorCommand.class, SpiralCommand.class,
                PredictCommand.class, TrainCommand.class, TuneCommand.class, ExportCommand.class, ExplainCommand.class, ServeCommand.class, ScriptCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 on success). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("scratchnet: " + exception.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }
}
