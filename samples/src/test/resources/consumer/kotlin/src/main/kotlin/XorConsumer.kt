import dev.scratchnet.Datasets
import dev.scratchnet.dsl.binaryCrossEntropy
import dev.scratchnet.dsl.fit
import dev.scratchnet.dsl.invoke
import dev.scratchnet.dsl.network
import dev.scratchnet.dsl.sgd
import dev.scratchnet.dsl.sigmoid
import dev.scratchnet.dsl.tanh

/** XOR as samples/scripts/xor.nn.kts trains it, from a Kotlin project that only depends on scratchnet-dsl. */
fun main() {
    val xor = Datasets.xor()
    val net = network(seed = 1) {
        dense(2, 3, tanh)
        dense(3, 1, sigmoid)
    }
    net.fit(xor) {
        loss = binaryCrossEntropy
        optimizer = sgd(learningRate = 0.5)
        epochs = 2000
        batchSize = 4
    }
    val outputs = net(xor.features())
    for (row in 0 until xor.size()) {
        val x = xor.features().getRow(row.toLong())
        println("%d xor %d -> %.3f".format(x.getInt(0), x.getInt(1), outputs.getDouble(row.toLong(), 0L)))
    }
}
