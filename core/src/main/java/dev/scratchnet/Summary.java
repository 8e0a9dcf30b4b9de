package dev.scratchnet;

/** Writes {@link Network#summary()}: one row per layer, then the totals. */
final class Summary {

    private static final String ROW = "%-8s %-22s %-12s %-12s %-10s %-8s %12s%n";

    private Summary() {
    }

    static String of(Network network) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(ROW, "layer", "activation", "input", "output", "weights", "bias", "parameters"));
        out.append("-".repeat(90)).append('\n');
        for (int i = 0; i < network.numLayers(); i++) {
            Layer layer = network.layer(i);
            long count = (long) layer.nIn() * layer.nOut() + layer.nOut();
            out.append(String.format(ROW, "dense" + i, layer.activation().name(),
                    "[n, " + layer.nIn() + "]", "[n, " + layer.nOut() + "]",
                    "[" + layer.nIn() + ", " + layer.nOut() + "]", "[" + layer.nOut() + "]", count));
        }
        out.append("-".repeat(90)).append('\n');
        out.append(String.format("total parameters: %d    data type: %s    seed: %d%n",
                network.parameterCount(), network.dataType().name().toLowerCase(), network.seed()));
        return out.toString();
    }
}
