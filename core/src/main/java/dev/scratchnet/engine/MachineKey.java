package dev.scratchnet.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a measured plan holds for: the CPU model ({@code model name} in {@code /proc/cpuinfo}, else
 * the architecture), the processor count and the library's version (the jar's manifest version,
 * else the size and time of the jar or class folder scratchnet runs from, so a rebuild measures
 * anew). {@link #hash} names the plan cache's file.
 */
final class MachineKey {

    private MachineKey() {
    }

    /** The CPU's model name, e.g. {@code AMD EPYC 7B13}, or the architecture when the system does not say. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the architecture stands for the model
        }
        return System.getProperty("os.arch");
    }

    /** The library's version: its manifest's, else where its classes lie, with their size and time. */
    static String libraryVersion() {
        String version = MachineKey.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try {
            CodeSource source = MachineKey.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(source.getLocation().toURI());
            Path marker = Files.isDirectory(location) ? location.resolve(MachineKey.class.getName().replace('.', '/')
                    + ".class") : location;
            return location + " " + Files.size(marker) + " " + Files.getLastModifiedTime(marker).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The first 16 hex digits of the SHA-256 of the model, the processor count and the version. */
    static String hash(String cpuModel, int processors, String libraryVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = (cpuModel + "\u0000" + processors + "\u0000" + libraryVersion).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** This machine's and library's hash. */
    static String current() {
        return hash(cpuModel(), Runtime.getRuntime().availableProcessors(), libraryVersion());
    }
}
