package dev.scratchnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Class weights change what a network learns: a rare class's recall rises (a whole training, so in the integration tier). */
class ClassWeightsIT {

    @Test
    void classWeightsRaiseTheRecallOfARareClass() {
        // two overlapping Gaussian blobs, 95 % class 0: unweighted, the rare class 1 is mostly missed
        Random random = new Random(5);
        int n = 400;
        double[][] x = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 20 == 0 ? 1 : 0;
            double centre = labels[i] == 1 ? 1.0 : -0.3;
            x[i][0] = centre + random.nextGaussian();
            x[i][1] = centre + random.nextGaussian();
        }
        DataSet data = DataSet.ofClasses(Nd4j.createFromArray(x).castTo(DataType.FLOAT), labels, 2);
        double plain = minorityRecall(data, null);
        double weighted = minorityRecall(data, new double[] {1, 19});
        assertTrue(weighted > plain + 0.3, "minority recall " + plain + " without class weights, " + weighted + " with");
    }

    private static double minorityRecall(DataSet data, double[] classWeights) {
        Network net = Network.builder().seed(1).dense(2, 8, Activation.TANH).dense(8, 2, Activation.SOFTMAX).build();
        Fit.Builder fit = Fit.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam(0.02)).epochs(30)
                .batchSize(32);
        if (classWeights != null) {
            fit.classWeights(classWeights);
        }
        net.fit(data, fit.build());
        int[] predicted = net.predictClasses(data.features());
        int[] labels = data.labels();
        int found = 0;
        int rare = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                rare++;
                found += predicted[i] == 1 ? 1 : 0;
            }
        }
        return (double) found / rare;
    }
}
