import dev.scratchnet.*;
import org.nd4j.linalg.api.ndarray.INDArray;

/** XOR as samples/scripts/xor.nn.kts trains it, from a project that only depends on scratchnet-core. */
public class XorConsumer {
    public static void main(String[] args) {
        DataSet xor = Datasets.xor();
        Network net = Network.builder()
                .seed(1)
                .dense(2, 3, Activation.TANH)
                .dense(3, 1, Activation.SIGMOID)
                .build();
        net.fit(xor, Fit.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.sgd(0.5))
                .epochs(2000).batchSize(4)
                .build());
        INDArray outputs = net.predict(xor.features());
        for (int row = 0; row < xor.size(); row++) {
            INDArray x = xor.features().getRow(row);
            System.out.printf("%d xor %d -> %.3f%n", x.getInt(0), x.getInt(1), outputs.getDouble(row, 0));
        }
    }
}
