package dev.scratchnet.samples;

import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a saved model as an ONNX file, for ONNX Runtime and the other tools that read ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a saved model as an ONNX model (opset 13, IR version 7).",
                "The graph's input is \"input\" [batch, nIn] and its output \"output\" [batch, nOut], in the "
                        + "model's float32 or float64; each dense layer k is a Gemm node with initializers "
                        + "denseK.W and denseK.b, followed by its activation's node."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.zip written by Network.save, digits or mnist")
    Path model;

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "the ONNX file to write (replaced if it exists)")
    Path onnx;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(onnx)) {
            throw new IllegalArgumentException("--onnx must name a file to write, but " + onnx + " is a folder");
        }
        OverwriteCheck.file("--model", model, "--onnx", onnx);
        Network net = ModelFile.load(model);
        net.exportOnnx(onnx);
        System.out.println("wrote " + onnx + " (" + Files.size(onnx) + " bytes): input \"input\" [batch, " + net.nIn()
                + "], output \"output\" [batch, " + net.nOut() + "], " + (net.dataType().name().equals("DOUBLE")
                ? "float64" : "float32") + ", " + net.numLayers() + " dense layers");
        return 0;
    }
}
