package dev.scratchnet.samples;

import dev.scratchnet.runtime.Model;
import dev.scratchnet.server.PredictionServer;
import dev.scratchnet.server.ServerOptions;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a saved model over HTTP until stopped (Ctrl-C): JSON predictions and a page to draw digits on. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a saved model over HTTP, predicting through the runtime (plain Java, no ND4J).",
                "  POST /predict        {\"rows\": [[...], ...]} -> {\"predictions\": [{\"index\": I, \"class\": \"NAME\", "
                        + "\"probabilities\": [...]}, ...]} ({\"outputs\": [...]} per row for a regression)",
                "  POST /predict-image  a picture (PNG, JPEG, GIF, BMP), prepared as predict --image prepares it",
                "  GET  /model          the model's summary as JSON;  GET /health  200 when ready",
                "  GET  /               a page to draw a digit on (models of 8x8 or 28x28 pictures)",
                "Bad requests are answered 4xx with {\"error\": \"...\"}. Prints the address it listens on."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model.zip written by Network.save, digits, mnist or train")
    Path model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "the TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the interface to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_ROWS,
            description = "the most rows one POST /predict may send (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_BODY_BYTES,
            description = "the largest request body read (default: ${DEFAULT-VALUE})")
    int maxBodyBytes;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(model)) {
            throw new IllegalArgumentException("--model must name a model file, but " + model + " is a folder"
                    + (Files.isRegularFile(model.resolve("model.zip")) ? "; did you mean " + model.resolve("model.zip") + "?" : ""));
        }
        Model loaded = Model.load(model);
        ServerOptions options = new ServerOptions(host, port, maxBodyBytes, maxRows, ServerOptions.DEFAULT_MAX_PIXELS);
        PredictionServer server = start(loaded, options);
        System.out.println("serving " + model + " (" + loaded.inputWidth() + " inputs -> " + loaded.outputWidth()
                + " outputs) at " + server.uri() + " (Ctrl-C stops)");
        System.out.println(heapLine(Runtime.getRuntime().maxMemory()));
        System.out.flush();
        server.join();
        return 0;
    }

    /** Starts the server, turning a host or port it cannot listen on into what to do about it. */
    private PredictionServer start(Model loaded, ServerOptions options) throws Exception {
        try {
            return PredictionServer.start(loaded, options);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " names no address: give an address of this machine, "
                    + "such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)", e);
        } catch (BindException e) {
            String reason = String.valueOf(e.getCause() == null ? null : rootMessage(e)).toLowerCase(Locale.ROOT);
            String where = e.getMessage().replaceFirst(":[^:]*$", "").replaceFirst("^cannot listen on ", "");
            if (reason.contains("in use")) {
                throw new IllegalArgumentException("cannot listen on " + where + ": port " + port + " is in use by another "
                        + "program (another serve?); stop it, or choose another port with --port (--port 0 picks a free one)", e);
            }
            if (reason.contains("permission")) {
                throw new IllegalArgumentException("cannot listen on " + where + ": port " + port + " needs privileges this "
                        + "user lacks; choose a port of 1024 or more with --port", e);
            }
            throw new IllegalArgumentException("cannot listen on " + where + " (" + rootMessage(e) + "): --host " + host
                    + " must be an address of this machine, such as 127.0.0.1 or 0.0.0.0", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * The heap the server may use: the launcher bounds it (docs/serving.md); a JVM started by hand
     * without -Xmx may take a quarter of the machine's memory, which the line says.
     */
    static String heapLine(long maxBytes) {
        return "heap: at most " + (maxBytes >> 20) + " MiB (./scratchnet serve sets -Xmx" + HEAP_DEFAULT
                + " unless SCRATCHNET_JAVA_OPTS has an -Xmx of its own)";
    }

    /** The launcher's default heap bound for serve; keep in step with the scratchnet script. */
    static final String HEAP_DEFAULT = "256m";
}
