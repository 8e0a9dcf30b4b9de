package dev.scratchnet.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark standalone cluster on this machine for the tests: a master and workers, each a child JVM
 * started from Spark's own classes on this JVM's class path ({@code org.apache.spark.deploy.master.Master},
 * {@code org.apache.spark.deploy.worker.Worker}), each worker with one core. Executors are more JVMs,
 * started by the workers, so tasks, broadcasts and results are serialized between processes, which
 * {@code local[N]} never does. Closing stops the workers, then the master.
 */
final class StandaloneCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Path folder;
    private final String masterUrl;

    private StandaloneCluster(Path folder, String masterUrl) {
        this.folder = folder;
        this.masterUrl = masterUrl;
    }

    /** Starts a master and {@code workers} one-core workers; returns once the master listens. */
    static StandaloneCluster start(int workers) {
        try {
            Path folder = Files.createTempDirectory("scratchnet-standalone-");
            int port = freePort();
            StandaloneCluster cluster = new StandaloneCluster(folder, "spark://127.0.0.1:" + port);
            try {
                cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                        "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
                awaitPort(port, 120_000);
                for (int i = 0; i < workers; i++) {
                    Path work = Files.createDirectories(folder.resolve("work-" + i));
                    cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                            "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                            "--work-dir", work.toString(), cluster.masterUrl);
                }
                return cluster;
            } catch (RuntimeException | IOException e) {
                cluster.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a standalone Spark cluster", e);
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /** Where the master's and workers' logs are. */
    Path folder() {
        return folder;
    }

    private void launch(String name, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        // the worker builds its executors' command line as a Spark build would (launcher module):
        // with no Spark installation, SPARK_TESTING keeps it from requiring SPARK_HOME/jars
        builder.environment().put("SPARK_HOME", folder.toString());
        builder.environment().put("SPARK_TESTING", "1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        processes.add(builder.start());
    }

    /** This JVM's class path with every entry absolute: the workers and executors run in folders of their own. */
    static String absoluteClassPath() {
        StringBuilder path = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                path.append(path.length() == 0 ? "" : File.pathSeparator).append(new File(entry).getAbsolutePath());
            }
        }
        return path.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IllegalStateException("the standalone master did not listen on port " + port + " within " + millis
                + " ms");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        close(false);
    }

    /** Stops the processes; keeps their logs in {@link #folder()} when {@code keepLogs}, else deletes it. */
    void close(boolean keepLogs) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!keepLogs) {
            deleteQuietly(folder.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
