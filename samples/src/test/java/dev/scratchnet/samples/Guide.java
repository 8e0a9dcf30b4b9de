package dev.scratchnet.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The user documentation the tests hold to what the code does: README.md and every page of docs/. */
final class Guide {

    /** The repository root, seen from the samples module where the tests run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Guide() {
    }

    /** README.md, then the pages of docs/ in name order. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** One page's text; {@code name} is relative to the repository root, e.g. {@code docs/digits.md}. */
    static String page(String name) throws IOException {
        return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
    }

    /** Every page's text, one after the other. */
    static String text() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path page : pages()) {
            all.append(Files.readString(page, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }
}
