package dev.scratchnet;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a child JVM by {@link ResumeIT}: resumes {@link CheckpointTest}'s training from the
 * checkpoint named by the first argument up to 10 epochs and prints the weights' bits (one line,
 * hexadecimal) and the history as CSV.
 */
public final class ResumeProbe {

    private ResumeProbe() {
    }

    public static void main(String[] args) {
        Network net = CheckpointTest.network();
        TrainingHistory history = net.fit(CheckpointTest.data(),
                CheckpointTest.fit(10).resumeFrom(Path.of(args[0])).build());
        System.out.println("weights " + hex(CheckpointTest.bits(net)));
        System.out.print(history.toCsv());
    }

    static String hex(long[] bits) {
        return String.join(",", Arrays.stream(bits).mapToObj(Long::toHexString).toList());
    }
}
