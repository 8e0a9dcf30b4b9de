package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell block of the README and the guide says, in an HTML comment on the line above it,
 * which test runs it ({@code <!-- run by SomeIT -->}, a test class that exists) or why none does
 * ({@code <!-- not run by the tests: a benchmark -->}), so that a reader knows which commands are
 * checked and a new block cannot slip in unaccounted for.
 */
class GuideShellBlocksTest {

    private static final Pattern BLOCK = Pattern.compile("(?m)^(.*)\\n[ \\t]*```sh\\n");
    private static final Pattern MARK = Pattern.compile("^\\s*<!-- (run by ([^>]*)|not run by the tests: [^>]+) -->$");
    private static final Pattern TEST_CLASS = Pattern.compile("\\b[A-Z]\\w*(?:IT|Test|Spec)\\b");

    @Test
    void everyShellBlockSaysWhichTestRunsItOrWhyNone() throws IOException {
        List<String> unaccounted = new ArrayList<>();
        for (Path page : Guide.pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                String where = Guide.ROOT.relativize(page) + ":" + (text.substring(0, block.end()).split("\n").length);
                Matcher mark = MARK.matcher(block.group(1));
                if (!mark.find()) {
                    unaccounted.add(where + " has no <!-- run by … --> or <!-- not run by the tests: … --> above it");
                } else if (mark.group(2) != null) {
                    Matcher test = TEST_CLASS.matcher(mark.group(2));
                    if (!test.find()) {
                        unaccounted.add(where + " names no test class: " + mark.group(2));
                    }
                    test.reset();
                    while (test.find()) {
                        if (!exists(test.group())) {
                            unaccounted.add(where + " names " + test.group() + ", which is no test class of this repository");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), unaccounted);
    }

    /** The file names of the repository's test sources, read in one walk for every block. */
    private static java.util.Set<String> testSources;

    private static boolean exists(String testClass) throws IOException {
        if (testSources == null) {
            try (Stream<Path> files = Files.walk(Guide.ROOT, 12)) {
                testSources = files.filter(f -> f.toString().contains("/src/test/"))
                        .map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
            }
        }
        return testSources.contains(testClass + ".java") || testSources.contains(testClass + ".kt");
    }
}
