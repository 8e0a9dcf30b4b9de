package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.Activation;
import dev.scratchnet.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command writes over one of its inputs: refused before anything is read or written, the input left as it was. */
class OverwriteCheckTest {

    @TempDir
    Path dir;

    @Test
    void trainRefusesAnOutputFolderWhoseHistoryIsTheTable() throws IOException {
        Path table = dir.resolve("history.csv");
        Files.writeString(table, "a,b,y\n1,2,0\n3,4,1\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(table);

        CommandRun run = CommandRun.of("train", "--csv", table.toString(), "--target", "y", "--output", dir.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains("--output " + dir + " (its history.csv) would write over --csv " + table
                + ", an input of this command; nothing was written"), run.err());
        assertArrayEquals(before, Files.readAllBytes(table));
    }

    @Test
    void exportRefusesToWriteOverItsModelAlsoThroughALink() throws IOException {
        Path model = dir.resolve("m.zip");
        Network.builder().seed(1).input(3).dense(2, Activation.SOFTMAX).build().save(model);
        Path link = Files.createSymbolicLink(dir.resolve("link.onnx"), model);
        byte[] before = Files.readAllBytes(model);

        CommandRun same = CommandRun.of("export", "--model", model.toString(), "--onnx", model.toString());
        CommandRun linked = CommandRun.of("export", "--model", model.toString(), "--onnx", link.toString());
        CommandRun relative = CommandRun.of("export", "--model", model.toString(),
                "--onnx", dir.resolve("sub").resolve("..").resolve("m.zip").toString());

        for (CommandRun run : new CommandRun[] {same, linked, relative}) {
            assertEquals(1, run.status(), run.err());
            assertTrue(run.err().contains("would write over --model " + model), run.err());
        }
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void aHardLinkIsTheSameFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "x\n");
        Path b = Files.createLink(dir.resolve("b.csv"), a);

        assertTrue(OverwriteCheck.same(a, b));
        assertTrue(!OverwriteCheck.same(a, dir.resolve("c.csv")));
    }
}
