package dev.scratchnet.server;

import dev.scratchnet.runtime.Model;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A saved model served over HTTP on an embedded Jetty: JSON predictions, the model's summary, a
 * health check and a page to draw digits on (see {@link Endpoints} for the routes). It predicts
 * through the runtime's {@link Model}, which is thread-safe and needs no native library.
 * <pre>
 *   try (PredictionServer server = PredictionServer.start(Model.load(path), ServerOptions.onPort(0))) {
 *       System.out.println(server.uri());       // http://127.0.0.1:41234/
 *       server.join();
 *   }
 * </pre>
 */
public final class PredictionServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final ServerOptions options;

    private PredictionServer(Server jetty, ServerConnector connector, ServerOptions options) {
        this.jetty = jetty;
        this.connector = connector;
        this.options = options;
    }

    /**
     * Starts serving {@code model} as {@code options} say and returns once it accepts connections.
     *
     * @throws Exception when the port cannot be bound (for example, it is in use)
     */
    public static PredictionServer start(Model model, ServerOptions options) throws Exception {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return start(new HttpAdapter(new Endpoints(model, options)::answer, options.maxBodyBytes()), options);
    }

    /** Starts Jetty with {@code handler}; the tests hand in one that fails on purpose. */
    static PredictionServer start(HttpAdapter handler, ServerOptions options) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("scratchnet-server");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // no version banner in the Server header
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrorHandler());
        // Ctrl-C closes the connections cleanly
        jetty.setStopAtShutdown(true);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return new PredictionServer(jetty, connector, options);
    }

    /** The port it listens on: the one asked for, or the free one picked for port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The address to open: {@code http://HOST:PORT/}, with {@code localhost} standing for the
     * wildcard {@code 0.0.0.0} (which listens on every interface, this machine's included).
     */
    public URI uri() {
        String host = options.host().equals("0.0.0.0") || options.host().equals("::") ? "localhost" : options.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops accepting connections and ends the server's threads. */
    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
