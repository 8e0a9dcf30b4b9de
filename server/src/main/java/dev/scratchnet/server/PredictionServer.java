package dev.scratchnet.server;

import dev.scratchnet.runtime.Model;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
@SuppressWarnings("try") // close() passes on Jetty's stop(), which declares Exception (InterruptedException among them)
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
     * Slow clients are bounded as {@code docs/serving.md} describes: a request's head must arrive
     * within 10-20 s and its body within 20 s at 1 KiB/s or more, idle connections close after
     * 30 s, and no client holds a thread while its request arrives.
     *
     * @throws java.net.UnknownHostException when {@code options.host()} names no address
     * @throws java.net.BindException when the address cannot be listened on (the port is in use, or
     *                                the address is not one of this machine's), naming both
     * @throws Exception when Jetty fails to start for another reason
     */
    public static PredictionServer start(Model model, ServerOptions options) throws Exception {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return start(new HttpAdapter(new Endpoints(model, options)::answer, options.maxBodyBytes()), options,
                ClientLimits.DEFAULTS);
    }

    /** Starts serving {@code model} with other limits on slow clients: for the tests. */
    static PredictionServer start(Model model, ServerOptions options, ClientLimits limits) throws Exception {
        return start(new HttpAdapter(new Endpoints(model, options)::answer, options.maxBodyBytes()), options, limits);
    }

    /** Starts Jetty with {@code handler}; the tests hand in one that fails on purpose. */
    static PredictionServer start(HttpAdapter handler, ServerOptions options) throws Exception {
        return start(handler, options, ClientLimits.DEFAULTS);
    }

    private static PredictionServer start(HttpAdapter handler, ServerOptions options, ClientLimits limits)
            throws Exception {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (UnknownHostException e) {
            UnknownHostException named = new UnknownHostException("cannot listen on " + options.host()
                    + ": no address has that name");
            named.initCause(e);
            throw named;
        }
        handler.limits(limits);
        // a bounded pool: bodies are read without a thread, so the threads only ever compute
        // answers, and requests beyond them wait in the pool's queue instead of being refused
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads());
        threads.setName("scratchnet-server");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // no version banner in the Server header
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(new HeaderDeadline(connector, limits));
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrorHandler());
        // Ctrl-C closes the connections cleanly
        jetty.setStopAtShutdown(true);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            if (bindFailure(e) != null) {
                BindException named = new BindException("cannot listen on " + address.getHostAddress() + ":"
                        + options.port() + ": " + bindFailure(e).getMessage());
                named.initCause(e);
                throw named;
            }
            throw e;
        }
        return new PredictionServer(jetty, connector, options);
    }

    /** The {@link BindException} behind {@code e} (Jetty wraps it in an IOException), or null. */
    private static BindException bindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
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
