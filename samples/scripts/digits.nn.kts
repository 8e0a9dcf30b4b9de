// The bundled 8x8 digits: split, build, train, evaluate.
// Run: ./scratchnet script samples/scripts/digits.nn.kts [EPOCHS]
val epochCount = args.firstOrNull()?.toInt() ?: 30
val (train, test) = Datasets.digits().scale(1 / 16.0).split(0.8)
val net = network(seed = 1) {
    input(64)
    dense(100, relu)
    dense(10, softmax)
}
print(net.summary())
net.fit(train) {
    loss = crossEntropy
    optimizer = sgd(learningRate = 0.1)
    epochs = epochCount
    batchSize = 16
    onEpoch { r -> println("epoch %3d  loss %.4f  accuracy %.1f%%".format(r.epoch(), r.trainLoss(), 100 * r.trainAccuracy())) }
}
println("held-out accuracy: %.4f (%d test digits)".format(net.evaluate(test).accuracy(), test.size()))
