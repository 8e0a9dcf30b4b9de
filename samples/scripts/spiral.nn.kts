// The tutorials' 3-class spiral with a 2-100-3 ReLU/softmax network, cross-entropy and L2.
// Run: ./scratchnet script samples/scripts/spiral.nn.kts [EPOCHS]
val epochCount = args.firstOrNull()?.toInt() ?: 2000
val spiral = Datasets.spiral(100, 3, 0)
val net = network(seed = 1) {
    dense(2, 100, relu)
    dense(100, 3, softmax)
}
val history = net.fit(spiral) {
    loss = crossEntropy
    optimizer = sgd(learningRate = 1.0)
    l2 = 1e-3
    epochs = epochCount
    batchSize = spiral.size()   // full batch, as in the tutorial
    onEpoch { r -> if (r.epoch() % 500 == 0) println("epoch %4d  loss %.4f".format(r.epoch(), r.trainLoss())) }
}
println("training accuracy: %.4f (%d points, final loss %.4f)"
    .format(net.evaluate(spiral).accuracy(), spiral.size(), history.finalLoss()))
