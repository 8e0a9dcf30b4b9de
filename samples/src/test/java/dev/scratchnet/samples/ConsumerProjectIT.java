package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects of someone else's, set up as the README's "Use scratchnet in your project" says, built by
 * a child {@code mvn} against this build's jars (through {@link ConsumerRepository}, since failsafe
 * runs before {@code install}) and run: a Java project on {@code scratchnet-core} and a Kotlin one
 * on {@code scratchnet-dsl} train XOR, print no SLF4J warning, and carry no other platform's natives;
 * the Kotlin one carries no Kotlin compiler either.
 */
class ConsumerProjectIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern XML = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern OUTPUT = Pattern.compile("(\\d) xor (\\d) -> (\\d\\.\\d{3})");
    /** A JavaCPP native jar: {@code nd4j-native-1.0.0-M2.1-linux-x86_64.jar}. */
    private static final Pattern NATIVE = Pattern.compile("-((?:android|ios|linux|macosx|windows)-[a-z0-9_]+)\\.jar$");

    private static Path repository;

    @BeforeAll
    static void repository() throws IOException {
        String version = System.getProperty("scratchnet.version", "0.1.0-SNAPSHOT");
        Path buildRepository = Path.of(System.getProperty("scratchnet.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        repository = ConsumerRepository.create(ROOT.resolve("samples/target/consumer-repository"),
                buildRepository, ROOT, version);
    }

    @Test
    void aJavaProjectOnCoreTrainsXor(@TempDir Path dir) throws Exception {
        Path project = copyProject("java", dir, readmeDependencies());
        Path classes = build(project);
        List<String> classpath = classpath(project);
        assertOnePlatform(classpath);
        assertXor(run(project, classes, classpath, "XorConsumer"));
    }

    @Test
    void aKotlinProjectOnTheDslTrainsXorWithoutTheCompiler(@TempDir Path dir) throws Exception {
        String dependencies = readmeDependencies().replace("<artifactId>scratchnet-core</artifactId>",
                "<artifactId>scratchnet-dsl</artifactId>");
        Path project = copyProject("kotlin", dir, dependencies);
        Path classes = build(project);
        List<String> classpath = classpath(project);
        assertOnePlatform(classpath);
        List<String> compiler = classpath.stream()
                .filter(jar -> jar.contains("kotlin-compiler") || jar.contains("kotlin-scripting")).toList();
        assertEquals(List.of(), compiler, "scratchnet-dsl brings no Kotlin compiler or scripting host");
        assertXor(run(project, classes, classpath, "XorConsumerKt"));
    }

    /** The dependency block of the README's section, as a consumer pastes it. */
    private static String readmeDependencies() throws IOException {
        Matcher xml = XML.matcher(Guide.page("docs/use-in-your-project.md"));
        assertTrue(xml.find(), "that section has an xml block with the dependencies");
        assertTrue(xml.group(1).contains("<artifactId>scratchnet-core</artifactId>"), xml.group(1));
        return xml.group(1);
    }

    private static Path copyProject(String name, Path dir, String dependencies) throws IOException {
        String base = "consumer/" + name + "/";
        String pom = resource(base + "pom.xml").replace("@DEPENDENCIES@", dependencies)
                .replace("@KOTLIN_VERSION@", System.getProperty("scratchnet.kotlinVersion", "1.9.24"));
        Files.writeString(dir.resolve("pom.xml"), pom);
        String source = name.equals("java") ? "src/main/java/XorConsumer.java" : "src/main/kotlin/XorConsumer.kt";
        Path file = dir.resolve(source);
        Files.createDirectories(file.getParent());
        Files.writeString(file, resource(base + source));
        return dir;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsumerProjectIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code mvn compile}, offline, on the consumer repository; the classes folder it wrote. */
    private static Path build(Path project) throws Exception {
        String mavenHome = System.getProperty("scratchnet.mavenHome");
        String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        Path logFile = project.resolve("mvn.log");
        Process process = new ProcessBuilder(mvn, "-o", "-B", "-q", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + repository, "-f", project.resolve("pom.xml").toString(), "compile")
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        int status = process.waitFor();
        assertEquals(0, status, "the consumer project builds offline:\n" + Files.readString(logFile));
        return project.resolve("target/classes");
    }

    private static List<String> classpath(Path project) throws IOException {
        String text = Files.readString(project.resolve("target/classpath.txt")).strip();
        return Arrays.asList(text.split(File.pathSeparator));
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

    private static String[] run(Path project, Path classes, List<String> classpath, String main) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> path = new ArrayList<>(classpath);
        path.add(0, classes.toString());
        Path outFile = project.resolve("out.txt");
        Path errFile = project.resolve("err.txt");
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, path), main)
                .directory(project.toFile()).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        int status = process.waitFor();
        String out = Files.readString(outFile);
        String err = Files.readString(errFile);
        assertEquals(0, status, "the consumer program runs:\n" + out + err);
        return new String[] {out, err};
    }

    /** Four lines {@code A xor B -> P} with P on the right side of 0.5, and no SLF4J complaint. */
    private static void assertXor(String[] outAndErr) {
        Matcher matcher = OUTPUT.matcher(outAndErr[0]);
        int rows = 0;
        while (matcher.find()) {
            boolean expected = !matcher.group(1).equals(matcher.group(2));
            double p = Double.parseDouble(matcher.group(3));
            assertEquals(expected, p > 0.5, matcher.group() + " in\n" + outAndErr[0]);
            rows++;
        }
        assertEquals(4, rows, "four XOR rows in\n" + outAndErr[0]);
        assertFalse(outAndErr[1].contains("SLF4J"), "no SLF4J warning with the binding the README names:\n"
                + outAndErr[1]);
    }
}
