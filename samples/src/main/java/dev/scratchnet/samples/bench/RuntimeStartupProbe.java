package dev.scratchnet.samples.bench;

import dev.scratchnet.runtime.Model;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by the benchmark, with only this class, {@code scratchnet-runtime} and
 * {@code scratchnet-kernels} on the class path: loads the model file named by the first argument,
 * predicts one row of zeros, and prints the milliseconds from JVM start to that first prediction.
 * Exits with status 2 if ND4J can be found, which would mean the class path is not what it claims.
 */
final class RuntimeStartupProbe {

    private RuntimeStartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Model model = Model.load(Path.of(args[0]));
        model.predict(new float[model.inputWidth()]);
        long firstPrediction = System.currentTimeMillis() - jvmStart;
        try {
            Class.forName("org.nd4j.linalg.factory.Nd4j");
            System.exit(2);
        } catch (ClassNotFoundException expected) {
            System.out.println(firstPrediction);
        }
    }
}
