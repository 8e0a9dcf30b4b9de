package dev.scratchnet.samples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the numpy version of the workloads ({@code numpy_reference.py}, shipped as a resource) with
 * {@code python3}, in the same invocation as scratchnet's runs, and reads back its timings.
 */
final class NumpyReference {

    private NumpyReference() {
    }

    /** Why numpy cannot run here, or null when {@code python3 -c "import numpy"} works. */
    static String unavailableReason() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0 ? null : "python3 has no numpy";
        } catch (IOException e) {
            return "python3 not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The numpy timings per workload ("W1", "W2", "W3", "W3B"), {@code repeats} runs each after one
     * warm-up; with {@code defaultThreads}, numpy's OpenBLAS on its default threads (one per core)
     * instead of the launcher's {@code OMP_NUM_THREADS=1}.
     */
    static Map<String, Timings> run(Path mnistDir, int repeats, int samples, String only, boolean defaultThreads,
                                    Path workDir) throws IOException, InterruptedException {
        Path script = extract("numpy_reference.py", workDir);
        Path digits = extract("/dev/scratchnet/data/digits.csv.gz", workDir);
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), "--digits", digits.toString(),
                "--mnist", mnistDir.toString(), "--repeats", String.valueOf(repeats),
                "--samples", String.valueOf(samples), "--only", only)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (defaultThreads) {
            for (String variable : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
                builder.environment().remove(variable);
            }
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("the numpy reference failed (exit " + process.exitValue() + ")");
        }
        return parse(output);
    }

    /**
     * The scaling table's cells ({@code "HxBATCH,..."}) in numpy, {@code repeats} runs each: keyed
     * {@code "H batch"}. With {@code oneThread}, numpy's OpenBLAS on one thread; else on its default
     * (one per core): the launcher's {@code OMP_NUM_THREADS=1} is taken out of numpy's environment.
     */
    static Map<String, Timings> runScale(Path mnistDir, int repeats, String cells, boolean oneThread, Path workDir)
            throws IOException, InterruptedException {
        Path script = extract("numpy_reference.py", workDir);
        Path digits = extract("/dev/scratchnet/data/digits.csv.gz", workDir);
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), "--digits", digits.toString(),
                "--mnist", mnistDir.toString(), "--repeats", String.valueOf(repeats), "--scale", cells)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        for (String variable : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            builder.environment().remove(variable);
        }
        if (oneThread) {
            builder.environment().put("OMP_NUM_THREADS", "1");
            builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("the numpy reference failed (exit " + process.exitValue() + ")");
        }
        return parseScale(output);
    }

    /** Reads lines of "S H BATCH seconds seconds ...", as the script prints them with --scale, keyed "H BATCH". */
    static Map<String, Timings> parseScale(String output) {
        Map<String, Timings> timings = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[0].equals("S")) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (int i = 3; i < fields.length; i++) {
                values.add(Double.parseDouble(fields[i]));
            }
            timings.put(fields[1] + " " + fields[2], new Timings(values));
        }
        return timings;
    }

    /** Reads lines of "NAME seconds seconds ...", as the script prints them. */
    static Map<String, Timings> parse(String output) {
        Map<String, Timings> timings = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                values.add(Double.parseDouble(fields[i]));
            }
            timings.put(fields[0], new Timings(values));
        }
        return timings;
    }

    private static Path extract(String resource, Path workDir) throws IOException {
        try (InputStream in = NumpyReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the samples jar");
            }
            Path target = workDir.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
