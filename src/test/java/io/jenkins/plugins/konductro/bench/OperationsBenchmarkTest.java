package io.jenkins.plugins.konductro.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable; its numbers are read from its report, not asserted here. */
class OperationsBenchmarkTest {

    @Test
    void aShortRunReportsTheMinimumRequestsAndOneConnection() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            String report = OperationsBenchmark.run(sandbox, 5);
            assertTrue(report.contains("| verify | 5 | 2.00 | 2 |"), report);
            assertTrue(report.contains("| start branch (cold: main branch name not cached) | 5 | 3.00 | 3 |"), report);
            assertTrue(report.contains("| start branch (main branch name cached) | 5 | 2.00 | 2 |"), report);
            assertTrue(report.contains("| push spec | 5 | 4.00 | 4 |"), report);
            assertTrue(report.contains("| open PR | 5 | 2.00 | 2 |"), report);
            assertTrue(report.contains("| PR status | 5 | 1.00 | 1 |"), report);
            assertTrue(report.contains("over all 55 operations: 1"), report);
        }
    }
}
