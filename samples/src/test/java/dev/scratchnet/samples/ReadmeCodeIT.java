package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.dsl.script.ScriptHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java and Kotlin block of the README and the guide (docs/) that is not marked {@code fragment}
 * after its language name compiles as written and runs: Java blocks as classes with a {@code main},
 * Kotlin blocks as {@code .nn.kts} scripts; a block that prints a held-out accuracy must reach 0.9.
 */
class ReadmeCodeIT {

    private static final Pattern BLOCK = Pattern.compile("```(java|kotlin)( fragment)?\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");
    private static final Pattern ACCURACY = Pattern.compile("held-out accuracy: (\\d\\.\\d{4})");

    private record Block(String language, String code) {
    }

    private static List<Block> completeBlocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path page : Guide.pages()) {
            Matcher matcher = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (matcher.group(2) == null) {
                    blocks.add(new Block(matcher.group(1), matcher.group(3)));
                }
            }
        }
        return blocks;
    }

    @Test
    void everyCompleteJavaBlockCompilesAndRuns(@TempDir Path dir) throws Exception {
        List<Block> java = completeBlocks().stream().filter(b -> b.language().equals("java")).toList();
        assertFalse(java.isEmpty(), "the guide has a complete Java block");
        for (Block block : java) {
            Matcher name = CLASS.matcher(block.code());
            assertTrue(name.find(), "a complete Java block declares a public class:\n" + block.code());
            Path source = Files.writeString(dir.resolve(name.group(1) + ".java"), block.code());
            compile(source, dir);
            String out = withCleanOutputFolders(() -> runMain(dir, name.group(1)));
            assertAccurate(out);
        }
    }

    @Test
    void everyCompleteKotlinBlockRunsAsAScript(@TempDir Path dir) throws Exception {
        List<Block> kotlin = completeBlocks().stream().filter(b -> b.language().equals("kotlin")).toList();
        assertFalse(kotlin.isEmpty(), "the guide has a complete Kotlin block");
        for (int i = 0; i < kotlin.size(); i++) {
            Path script = Files.writeString(dir.resolve("readme" + i + ".nn.kts"), kotlin.get(i).code());
            String out = withCleanOutputFolders(() -> captured(() -> ScriptHost.run(script, List.of("3"))));
            assertAccurate(out);
        }
    }

    private static void assertAccurate(String out) {
        Matcher accuracy = ACCURACY.matcher(out);
        if (!accuracy.find()) {
            return;
        }
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.9, out);
    }

    private static void compile(Path source, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK's compiler");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(null, files, diagnostics, List.of("-classpath",
                    System.getProperty("java.class.path"), "-d", classes.toString()), null,
                    files.getJavaFileObjects(source)).call();
            assertTrue(ok, source + " does not compile: " + diagnostics.getDiagnostics());
        }
    }

    private static String runMain(Path classes, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeCodeIT.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            return captured(() -> main.invoke(null, (Object) new String[0]));
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private interface Result {
        String get() throws Exception;
    }

    /** What {@code body} prints on standard output. */
    private static String captured(Body body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code body}, then removes the {@code out/} folder it wrote (the blocks save models there), if it was not there before. */
    private static String withCleanOutputFolders(Result body) throws Exception {
        Path out = Path.of("out");
        boolean existed = Files.exists(out);
        try {
            return body.get();
        } finally {
            if (!existed && Files.exists(out)) {
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            assertEquals(existed, Files.exists(out));
        }
    }
}
