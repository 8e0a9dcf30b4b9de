package dev.scratchnet.samples.bench;

import dev.scratchnet.Activation;
import dev.scratchnet.DataSet;
import dev.scratchnet.Datasets;
import dev.scratchnet.Fit;
import dev.scratchnet.Loss;
import dev.scratchnet.Network;
import dev.scratchnet.Optimizer;
import java.lang.management.ManagementFactory;

/**
 * Run in a fresh JVM by the benchmark: prints the milliseconds from JVM start to the first
 * prediction of a new 64-15-10 network, then to the end of one epoch on the digits.
 */
final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        DataSet digits = Datasets.digits().scale(1 / 16.0);
        Network net = Network.builder().seed(1).dense(64, 15, Activation.RELU).dense(15, 10, Activation.SIGMOID).build();
        net.predict(digits.features());
        long firstPrediction = System.currentTimeMillis() - jvmStart;
        net.fit(digits, Fit.builder().loss(Loss.MSE).optimizer(Optimizer.sgd(2.0)).epochs(1).batchSize(15).build());
        long oneEpoch = System.currentTimeMillis() - jvmStart;
        System.out.println(firstPrediction + " " + oneEpoch);
    }
}
