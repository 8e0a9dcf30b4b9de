package dev.scratchnet.server;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers keep arriving for longer than
 * {@link ClientLimits#headerTimeout()}: a client that sends them a byte at a time resets the idle
 * timeout with every byte, and would otherwise hold its connection as long as it likes. Each open
 * connection is looked at once per timeout; one caught in the middle of the same request's head at
 * two looks in a row is closed (so a head gets between one and two timeouts). Holds no thread.
 */
final class HeaderDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Connector connector;
    private final long millis;

    HeaderDeadline(Connector connector, ClientLimits limits) {
        this.connector = connector;
        this.millis = limits.headerTimeout().toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            schedule(http, -1);
        }
    }

    /** {@code headOf}: the request count when the last look found a head in progress, else -1. */
    private void schedule(HttpConnection http, long headOf) {
        connector.getScheduler().schedule(() -> look(http, headOf), millis, TimeUnit.MILLISECONDS);
    }

    private void look(HttpConnection http, long headOf) {
        if (!http.getEndPoint().isOpen()) {
            return;
        }
        HttpParser parser = http.getParser();
        boolean inHead = parser.inHeaderState() && !parser.isState(HttpParser.State.START);
        long requests = http.getMessagesIn();
        if (inHead && requests == headOf) {
            LOG.warn("connection from {}: closed, its request head took more than {} s",
                    http.getEndPoint().getRemoteSocketAddress(), millis / 1000.0);
            http.getEndPoint().close();
            return;
        }
        schedule(http, inHead ? requests : -1);
    }
}
