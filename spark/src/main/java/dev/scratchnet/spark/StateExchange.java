package dev.scratchnet.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's end of the rounds of an epoch of parameter averaging: a TCP server the epoch's
 * tasks connect to, one connection per partition, for as long as the epoch's Spark job runs
 * (the state then never goes through Spark's broadcasts and task results).
 * <pre>
 *   task → driver:  partition, epoch, stage attempt;  then per round: its share (rows, loss, state)
 *   driver:         once every partition's share of the round is in, the average, in partition
 *                   order ({@link AveragingTraining#average}); the round's result to the training loop
 *   driver → task:  CONTINUE and the average, or STOP (the loop stopped, or the round diverged)
 * </pre>
 * The epoch runs as a barrier stage, so a failed task makes Spark run every task of the epoch
 * again from the epoch's start state: the rounds come again, the same, and the rounds the loop
 * has already been given are answered but not given again.
 */
final class StateExchange implements AutoCloseable {

    static final byte CONTINUE = 0;
    static final byte STOP = 1;

    private final ServerSocket server;
    private final Thread acceptor;
    private final boolean float32;
    private final List<Socket> connections = new ArrayList<>();
    private final BlockingQueue<RoundResult> results = new LinkedBlockingQueue<>();
    /** Each partition's share of the round in progress, by partition (null: not in yet, or no rows). */
    private RoundShare[] shares;
    /** The rounds each partition takes an epoch (0 for a partition without rows). */
    private int[] roundsOf;
    private int arrived;
    private int epoch;
    private int attempt = -1;
    /** The round whose average is ready ({@link #average}), from 1; 0 before the first. */
    private int done;
    /** The rounds of this epoch given to the loop. */
    private int delivered;
    private ModelState average;
    private boolean stopped;
    private volatile boolean closed;

    /** What one round gave, for the training loop. */
    record RoundResult(int round, int rows, double lossSum, int correct, ModelState state, long slowestNanos,
                       long slowestStepsNanos, long averagingNanos) {
    }

    private StateExchange(ServerSocket server, boolean float32) {
        this.server = server;
        this.float32 = float32;
        this.acceptor = new Thread(this::accept, "scratchnet averaging exchange");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The Spark setting that fixes the port the executors connect to; without it, any free port. */
    static final String PORT_SETTING = "spark.scratchnet.averaging.port";

    /** A server on a free port of every interface of this machine. */
    static StateExchange open(boolean float32) {
        return open(float32, 0);
    }

    /**
     * A server on {@code port} of every interface of this machine (0: any free port).
     *
     * @throws IllegalArgumentException when the port is out of range, or taken
     */
    static StateExchange open(boolean float32, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT_SETTING + " must be a port in [0, 65535] (0 for any free port), was "
                    + port);
        }
        try {
            return new StateExchange(new ServerSocket(port, 64), float32);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("the driver cannot listen on port " + port + " (" + PORT_SETTING
                    + ") for the averaging rounds: " + e.getMessage() + "; choose a free port, or 0 for any", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a server socket on the driver for the averaging rounds", e);
        }
    }

    /** The port {@code conf} asks for ({@value #PORT_SETTING}), 0 (any free port) when it names none. */
    static int port(org.apache.spark.SparkConf conf) {
        return port(conf.get(PORT_SETTING, "0"));
    }

    /** {@code value} of {@value #PORT_SETTING} as a number. */
    static int port(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_SETTING + " must be a port number in [0, 65535], was \"" + value
                    + "\"", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Expects epoch {@code epoch}'s tasks: one connection for each partition p with
     * {@code roundsOf[p] > 0}, sending that many shares (after its last it waits for no average).
     */
    synchronized void beginEpoch(int epoch, int[] roundsOf) {
        this.epoch = epoch;
        this.roundsOf = roundsOf.clone();
        this.shares = new RoundShare[roundsOf.length];
        this.arrived = 0;
        this.attempt = -1;
        this.done = 0;
        this.delivered = 0;
        this.average = null;
        this.stopped = false;
        results.clear();
    }

    /** Tells every task to stop after its round in progress. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Round {@code round}'s result, waiting for it; null when {@code stillRunning} says the job has ended. */
    RoundResult next(int round, java.util.function.BooleanSupplier stillRunning) throws InterruptedException {
        for (;;) {
            RoundResult result = results.poll(50, TimeUnit.MILLISECONDS);
            if (result != null) {
                if (result.round() != round) {
                    throw new IllegalStateException("the averaging rounds came out of order: " + result.round()
                            + " where " + round + " was next");
                }
                return result;
            }
            if (!stillRunning.getAsBoolean() && results.isEmpty()) {
                return null;
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                synchronized (connections) {
                    connections.add(socket);
                }
                Thread handler = new Thread(() -> serve(socket), "scratchnet averaging partition");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (!closed) {
                    closed = true;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 20));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 20))) {
            int partition = in.readInt();
            int taskEpoch = in.readInt();
            int taskAttempt = in.readInt();
            synchronized (this) {
                if (taskEpoch != epoch || partition < 0 || partition >= roundsOf.length || roundsOf[partition] == 0) {
                    return;
                }
                if (taskAttempt > attempt) {
                    // a new attempt of the epoch's stage: its rounds start again from the first
                    attempt = taskAttempt;
                    arrived = 0;
                    done = 0;
                    shares = new RoundShare[roundsOf.length];
                    notifyAll();
                }
            }
            for (;;) {
                int sent = in.readInt();
                RoundShare share = RoundShare.readFrom(in);
                ModelState reply;
                synchronized (this) {
                    if (taskAttempt != attempt) {
                        return;
                    }
                    submit(partition, sent, share);
                    if (sent >= roundsOf[partition]) {
                        // the partition's last round: it waits for no average
                        return;
                    }
                    while (done < sent && taskAttempt == attempt && !stopped && !closed) {
                        wait();
                    }
                    reply = stopped || closed || taskAttempt != attempt || average == null ? null : average;
                }
                if (reply == null) {
                    out.writeByte(STOP);
                    out.flush();
                    return;
                }
                out.writeByte(CONTINUE);
                ModelState.write(reply, out);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the task ended or failed: Spark reports it; a new attempt connects again
        }
    }

    /** Takes a partition's share; the last of a round averages and hands the round on. */
    private void submit(int partition, int round, RoundShare share) {
        shares[partition] = share;
        arrived++;
        int expected = 0;
        for (int rounds : roundsOf) {
            expected += rounds >= round ? 1 : 0;
        }
        if (arrived < expected) {
            return;
        }
        long start = System.nanoTime();
        int rows = 0;
        double lossSum = 0;
        int correct = 0;
        long slowest = 0;
        long slowestSteps = 0;
        boolean finite = true;
        List<RoundShare> inOrder = new ArrayList<>();
        for (RoundShare each : shares) {
            if (each == null) {
                continue;
            }
            inOrder.add(each);
            rows += each.rows();
            lossSum += each.lossSum();
            correct += each.correct();
            slowest = Math.max(slowest, each.nanos());
            slowestSteps = Math.max(slowestSteps, each.stepsNanos());
            finite &= each.rows() == 0 || each.state() != null;
        }
        finite &= Double.isFinite(lossSum);
        average = finite && rows > 0 ? AveragingTraining.average(inOrder, float32) : null;
        long averaging = System.nanoTime() - start;
        arrived = 0;
        shares = new RoundShare[roundsOf.length];
        done = round;
        if (round > delivered) {
            delivered = round;
            results.add(new RoundResult(round, rows, finite ? lossSum : Double.NaN, correct, average, slowest,
                    slowestSteps, averaging));
        }
        notifyAll();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
        synchronized (connections) {
            for (Socket socket : connections) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing
                }
            }
        }
        acceptor.interrupt();
    }

    /** The address the tasks connect to: the driver's host as Spark knows it. */
    static String host(org.apache.spark.SparkConf conf) {
        try {
            return conf.get("spark.driver.host", InetAddress.getLocalHost().getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

}
