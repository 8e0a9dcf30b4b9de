package dev.scratchnet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scratchnet.runtime.TableColumns;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static final TableTraining.Settings BASE = new TableTraining.Settings(List.of(64, 32), 1e-3, 1e-2, 32, 30,
            0.2, 500, 7, false, TableColumns.Unseen.ZEROS, 0, 1);

    @Test
    void theFirstTrialIsTheBaseAndTheRestComeFromTheSeedAlone() {
        List<TableTraining.Settings> trials = SearchSpace.trials(12, 3, BASE);
        assertEquals(12, trials.size());
        assertEquals(BASE, trials.get(0));
        assertEquals(trials, SearchSpace.trials(12, 3, BASE));
        assertEquals(trials.subList(0, 5), SearchSpace.trials(5, 3, BASE));
        assertNotEquals(trials, SearchSpace.trials(12, 4, BASE));
    }

    @Test
    void drawnTrialsStayInsideTheSpaceAndKeepTheBaseSettingsTheySearchNot() {
        for (TableTraining.Settings trial : SearchSpace.trials(200, 1, BASE).subList(1, 200)) {
            assertTrue(trial.hidden().size() >= 1 && trial.hidden().size() <= 3, trial.toString());
            assertTrue(Arrays.stream(SearchSpace.WIDTHS).anyMatch(width -> width == trial.hidden().get(0)), trial.toString());
            for (int layer = 1; layer < trial.hidden().size(); layer++) {
                assertTrue(trial.hidden().get(layer) <= trial.hidden().get(layer - 1), trial.toString());
            }
            assertTrue(trial.learningRate() >= 2.9e-4 && trial.learningRate() <= SearchSpace.MAX_RATE, trial.toString());
            assertTrue(trial.l2() >= SearchSpace.MIN_L2 && trial.l2() <= SearchSpace.MAX_L2, trial.toString());
            assertTrue(Arrays.stream(SearchSpace.DROPOUTS).anyMatch(rate -> rate == trial.dropout()), trial.toString());
            assertTrue(Arrays.stream(SearchSpace.BATCH_SIZES).anyMatch(size -> size == trial.batchSize()), trial.toString());
            assertEquals(List.of(BASE.seed(), (long) BASE.patience(), (long) BASE.maxEpochs(), (long) BASE.threads()),
                    List.of(trial.seed(), (long) trial.patience(), (long) trial.maxEpochs(), (long) trial.threads()));
        }
    }

    @Test
    void settingsAreDescribedAsShortNameValueWords() {
        TableTraining.Settings settings = new TableTraining.Settings(List.of(128, 64), 0.0013, 8.5e-5, 64, 30, 0.2, 500,
                1, false, TableColumns.Unseen.ZEROS, 0.3, 1);
        assertEquals("hidden=128,64 learning-rate=0.0013 l2=0.000085 dropout=0.3 batch=64", SearchSpace.describe(settings));
        assertEquals("hidden=64,32 learning-rate=0.001 l2=0.01 dropout=0 batch=32", SearchSpace.describe(BASE));
    }

    @Test
    void aSearchNeedsATrial() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.trials(0, 1, BASE));
        assertEquals("--trials must be 1 or more, was 0", error.getMessage());
    }
}
