package dev.scratchnet.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    @Test
    void roundsLikePythonFromTheExactBinaryValue() {
        // python3 -c "print('{:.2f} {:.2f} {:.2f} {:.2f}'.format(0.125, 1.005, 0.675, 0.375))" → 0.12 1.00 0.68 0.38
        assertEquals("0.12", ClassificationReport.round(0.125, 2));
        assertEquals("1.00", ClassificationReport.round(1.005, 2));
        assertEquals("0.68", ClassificationReport.round(0.675, 2));
        assertEquals("0.38", ClassificationReport.round(0.375, 2));
    }
}
