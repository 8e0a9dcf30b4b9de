// XOR with a 2-3-1 tanh/sigmoid network and binary cross-entropy.
// Run: ./scratchnet script samples/scripts/xor.nn.kts
val xor = Datasets.xor()
val net = network(seed = 1) {
    dense(2, 3, tanh)
    dense(3, 1, sigmoid)
}
val history = net.fit(xor) {
    loss = binaryCrossEntropy
    optimizer = sgd(learningRate = 0.5)
    epochs = 2000
    batchSize = 4
}
println("final loss %.4f after %d epochs".format(history.finalLoss(), history.epochs()))
val outputs = net(xor.features())
for (row in 0 until xor.size()) {
    val x = xor.features().getRow(row.toLong())
    println("%d xor %d -> %.3f".format(x.getInt(0), x.getInt(1), outputs.getDouble(row.toLong(), 0L)))
}
