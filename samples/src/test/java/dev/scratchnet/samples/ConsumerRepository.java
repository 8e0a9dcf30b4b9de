package dev.scratchnet.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local Maven repository for a child build, as {@code mvn install} would leave it, without
 * installing anything into the repository this build uses (other builds share it): this build's
 * POMs and jars are copied in, and everything else in the build's repository is linked, so that
 * the child runs offline and reads ND4J's natives where they already are.
 */
final class ConsumerRepository {

    private static final String GROUP = "dev/scratchnet";
    /** The modules a consumer of core or dsl reaches, with the parent whose profiles pick the natives. */
    private static final List<String> MODULES = List.of("kernels", "runtime", "core", "dsl");

    private ConsumerRepository() {
    }

    /**
     * Makes (or refreshes) {@code repository}: this reactor's artifacts, from {@code root}'s module
     * folders, under {@code dev/scratchnet}; every other top-level entry of {@code buildRepository}
     * as a symbolic link to it.
     */
    static Path create(Path repository, Path buildRepository, Path root, String version) throws IOException {
        Files.createDirectories(repository.resolve(GROUP));
        try (Stream<Path> entries = Files.list(buildRepository)) {
            for (Path entry : entries.toList()) {
                link(repository.resolve(entry.getFileName().toString()), entry);
            }
        }
        // dev/ holds other groups than ours: link those one level down
        Path buildDev = buildRepository.resolve("dev");
        if (Files.isDirectory(buildDev)) {
            try (Stream<Path> groups = Files.list(buildDev)) {
                for (Path group : groups.filter(g -> !g.getFileName().toString().equals("scratchnet")).toList()) {
                    link(repository.resolve("dev").resolve(group.getFileName().toString()), group);
                }
            }
        }
        put(repository, "scratchnet-parent", version, root.resolve("pom.xml"), null);
        for (String module : MODULES) {
            String artifact = "scratchnet-" + module;
            Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("expected " + jar + " from this build's package phase; run mvn verify"
                        + " (or package) from the repository root first");
            }
            put(repository, artifact, version, root.resolve(module).resolve("pom.xml"), jar);
        }
        return repository;
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) || Files.exists(link)) {
            return;
        }
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }

    private static void put(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repository.resolve(GROUP).resolve(artifact).resolve(version));
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
