package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projects of docs/use-in-your-project.md, pasted as a consumer pastes them: every block whose
 * first line names a file of {@code java-project/} or {@code kotlin-project/} is written there, the
 * project is built and run with the page's command by a child {@code mvn} against this build's jars
 * (through {@link ConsumerRepository}, since failsafe runs before {@code install}), and must print
 * exactly the lines the page shows, nothing else, and end within 2 s of its last line; their class
 * paths carry no other platform's natives, and the Kotlin one no Kotlin compiler.
 */
class ConsumerProjectIT {

    private static final String PAGE = "docs/use-in-your-project.md";
    /** A block a consumer pastes into a file: {@code ```xml java-project/pom.xml}. */
    private static final Pattern FILE_BLOCK = Pattern.compile("```\\w+ ((java|kotlin)-project)/(\\S+)\\n(.*?)```", Pattern.DOTALL);
    /** The run command and the output block after "prints". */
    private static final Pattern RUN = Pattern.compile("```sh\\n(mvn [^\\n]*exec:java)\\n```\\s*\\n\\s*prints\\s*\\n\\s*```\\n(.*?)```", Pattern.DOTALL);
    /** A JavaCPP native jar: {@code nd4j-native-1.0.0-M2.1-linux-x86_64.jar}. */
    private static final Pattern NATIVE = Pattern.compile("-((?:android|ios|linux|macosx|windows)-[a-z0-9_]+)\\.jar$");
    /** How long Maven may take to end after the program's last line. */
    private static final long END_WITHIN_MILLIS = 2000;

    private static Path repository;

    @BeforeAll
    static void repository() throws IOException {
        String version = System.getProperty("scratchnet.version", "0.1.0-SNAPSHOT");
        Path buildRepository = Path.of(System.getProperty("scratchnet.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        repository = ConsumerRepository.create(Guide.ROOT.resolve("samples/target/consumer-repository"),
                buildRepository, Guide.ROOT, version);
    }

    @Test
    void theJavaProjectRunsAsThePageShows(@TempDir Path dir) throws Exception {
        Path project = paste("java-project", dir);
        assertRunsAsShown(project);
        assertOnePlatform(classpath(project));
    }

    @Test
    void theKotlinProjectRunsAsThePageShowsWithoutTheCompiler(@TempDir Path dir) throws Exception {
        Path project = paste("kotlin-project", dir);
        assertRunsAsShown(project);
        List<String> classpath = classpath(project);
        assertOnePlatform(classpath);
        List<String> compiler = classpath.stream()
                .filter(jar -> jar.contains("kotlin-compiler") || jar.contains("kotlin-scripting")).toList();
        assertEquals(List.of(), compiler, "scratchnet-dsl brings no Kotlin compiler or scripting host");
    }

    /** Writes the page's blocks for {@code name} into {@code dir}; fails unless they make a project. */
    private static Path paste(String name, Path dir) throws IOException {
        Matcher block = FILE_BLOCK.matcher(Guide.page(PAGE));
        List<String> files = new ArrayList<>();
        while (block.find()) {
            if (block.group(1).equals(name)) {
                Path file = dir.resolve(block.group(3));
                Files.createDirectories(file.getParent());
                Files.writeString(file, block.group(4));
                files.add(block.group(3));
            }
        }
        assertTrue(files.contains("pom.xml"), PAGE + " shows a pom.xml for " + name + ": " + files);
        assertTrue(files.size() >= 2, PAGE + " shows a source file for " + name + ": " + files);
        return dir;
    }

    /** Runs the page's command in {@code project}; compares its output with the page's. */
    private static void assertRunsAsShown(Path project) throws Exception {
        Matcher run = RUN.matcher(Guide.page(PAGE));
        assertTrue(run.find(), PAGE + " shows a run command followed by what it prints");
        List<String> command = new ArrayList<>(List.of(mvn()));
        // the page's command as written, plus the repository holding this build's jars
        command.addAll(Arrays.asList(run.group(1).substring("mvn ".length()).split(" +")));
        command.addAll(List.of("-B", "-Dstyle.color=never", "-Dmaven.repo.local=" + repository));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        long lastLine = System.nanoTime();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                // Maven 3.8's console library writes colour resets even with -B; they are no text
                String text = line.replaceAll("\u001b\\[[0-9;]*m", "");
                if (!text.isEmpty()) {
                    lines.add(text);
                    lastLine = System.nanoTime();
                }
            }
        }
        int status = process.waitFor();
        long afterLastLine = (System.nanoTime() - lastLine) / 1_000_000;
        String printed = String.join("\n", lines);
        assertEquals(0, status, "the project builds and runs:\n" + printed);
        assertEquals(run.group(2).strip(), printed.strip(), "what " + run.group(1) + " prints, and nothing else");
        assertTrue(afterLastLine <= END_WITHIN_MILLIS, "Maven ended " + afterLastLine + " ms after the last line");
    }

    private static String mvn() {
        String mavenHome = System.getProperty("scratchnet.mavenHome");
        return mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
    }

    /** The project's runtime class path, as the dependency plugin lists it. */
    private static List<String> classpath(Path project) throws Exception {
        Path file = project.resolve("target/classpath.txt");
        Path log = project.resolve("target/classpath.log");
        Process process = new ProcessBuilder(mvn(), "-o", "-B", "-q", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + repository,
                "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath",
                "-Dmdep.outputFile=" + file, "-Dmdep.includeScope=runtime")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, process.waitFor(), "the class path is listed:\n" + Files.readString(log));
        return Arrays.asList(Files.readString(file).strip().split(File.pathSeparator));
    }

    /** The natives on the class path are this build's platform's, and there are some. */
    private static void assertOnePlatform(List<String> classpath) {
        String platform = System.getProperty("scratchnet.javacppPlatform", "linux-x86_64");
        List<String> platforms = new ArrayList<>();
        for (String jar : classpath) {
            Matcher matcher = NATIVE.matcher(jar);
            if (matcher.find()) {
                platforms.add(matcher.group(1));
            }
        }
        assertFalse(platforms.isEmpty(), "the class path holds native jars for " + platform + ": " + classpath);
        assertEquals(List.of(platform), platforms.stream().distinct().toList(),
                "natives of this platform only, in " + classpath);
    }
}
