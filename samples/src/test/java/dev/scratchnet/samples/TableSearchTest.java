package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.data.Table;
import dev.scratchnet.runtime.TableColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSearchTest {

    private static final TableTraining.Settings TINY = new TableTraining.Settings(List.of(8), 1e-2, 1e-3, 8, 2, 0.2, 3,
            1, false, TableColumns.Unseen.ZEROS, 0, 1);

    private static TableSearch.Trial trial(int index, double... scores) {
        return new TableSearch.Trial(index, TINY, scores, 1, null);
    }

    /** 40 rows, two classes apart on x. */
    private static TableTask twoClasses(Path dir) throws IOException {
        Random random = new Random(2);
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%s%n", (i % 2) * 4 + random.nextGaussian(),
                    random.nextGaussian(), i % 2 == 0 ? "a" : "b"));
        }
        return TableTask.of(Table.read(Files.writeString(dir.resolve("t.csv"), csv)), "class", null);
    }

    @Test
    void trialsRankByMeanThenDeviationThenIndexWithFailuresLast() {
        TableSearch.Trial failed = new TableSearch.Trial(1, TINY, new double[0], 1, "loss became NaN");
        List<TableSearch.Trial> trials = new ArrayList<>(List.of(failed, trial(2, 0.75, 0.75), trial(3, 0.5, 1.0),
                trial(4, 0.875, 0.875), trial(5, 0.25, 1.0), trial(6, 0.875, 0.875)));
        trials.sort(TableSearch.BEST_FIRST);
        assertEquals(List.of(4, 6, 2, 3, 5, 1), trials.stream().map(TableSearch.Trial::index).toList());
        assertEquals(4, new TableSearch.Result(trials, 6, false).best().index());
        assertNull(new TableSearch.Result(List.of(failed), 6, false).best());
    }

    @Test
    void theTableListsTrialsInRankWithMeanAndDeviation() {
        String table = TrialTable.format(List.of(trial(3, 0.9, 0.7), trial(1, 0.5, 0.5)), "accuracy");
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[1].matches("\\s+1\\s+3\\s+0\\.8000 ± 0\\.1000\\s+8\\s+0\\.01\\s+0\\.001\\s+0\\s+8\\s+1\\.0"), table);
        assertTrue(lines[2].matches("\\s+2\\s+1\\s+0\\.5000 ± 0\\.0000 .*"), table);
    }

    @Test
    void parallelTrialsGiveTheSameResultsAsOneAtATime(@TempDir Path dir) throws Exception {
        TableTask task = twoClasses(dir);
        List<TableTraining.Settings> trials = SearchSpace.trials(3, 5, TINY);
        TableSearch.Result alone = new TableSearch(task, 2, 1).run(trials, null);
        TableSearch.Result together = new TableSearch(task, 2, 3).run(trials, null);
        assertEquals(3, together.ranked().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(alone.ranked().get(i).index(), together.ranked().get(i).index());
            assertArrayEquals(alone.ranked().get(i).scores(), together.ranked().get(i).scores());
        }
    }

    @Test
    void aStoppedSearchKeepsWhatFinished(@TempDir Path dir) throws Exception {
        TableSearch search = new TableSearch(twoClasses(dir), 2, 1);
        TableSearch.Result result = search.run(SearchSpace.trials(4, 5, TINY), (trial, done, planned) -> search.stop());
        assertTrue(result.stopped());
        assertEquals(1, result.ranked().size());
        assertEquals(4, result.planned());
        assertEquals(1, result.best().index());
    }
}
