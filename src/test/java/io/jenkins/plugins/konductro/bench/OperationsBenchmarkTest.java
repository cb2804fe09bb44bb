package io.jenkins.plugins.konductro.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable; its numbers are read from its report, not asserted here. */
class OperationsBenchmarkTest {

    @Test
    void aShortRunReportsTheMinimumRequestsAndOneConnection() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            String report = OperationsBenchmark.run(sandbox, 10);
            assertTrue(report.contains("| verify (not cached) | 10 | 1.00 | 1 |"), report);
            assertTrue(report.contains("| verify (cached: a build's later steps) | 10 | 0.00 | 0 | – (no request to replay) |"), report);
            assertTrue(report.contains("| start branch (cold: main branch name not cached) | 10 | 3.00 | 3 |"), report);
            assertTrue(report.contains("| start branch (main branch name cached) | 10 | 2.00 | 2 |"), report);
            assertTrue(report.contains("| push spec | 10 | 4.00 | 4 |"), report);
            assertTrue(report.contains("| open PR | 10 | 2.00 | 2 |"), report);
            assertTrue(report.contains("| PR status | 10 | 1.00 | 1 |"), report);
            assertTrue(report.contains("| criteria as tasks of a pull request just opened: 3 criteria | 10 | 3.00 | 3 |"), report);
            assertTrue(report.contains("| criteria as tasks again (a rerun: all there) | 10 | 1.00 | 1 |"), report);
            assertTrue(report.contains("| acceptance progress (PR status adds it) | 10 | 1.00 | 1 |"), report);
            assertTrue(report.contains("| open PR with the repository's default reviewers | 10 | 3.00 | 3 |"), report);
            assertTrue(report.contains("over all 180 operations: 1"), report);
        }
        }

    @Test
    void peopleLookingCostOneRequestPerPullRequestOrRepositoryPerLifetime() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            String report = ViewingBenchmark.run(sandbox, java.time.Duration.ofMillis(5), 1);
            assertTrue(report.contains("| 1,000 views of one build page | 1 | 1 |"), report);
            assertTrue(report.contains("| a build page whose pull request has tasks, viewed every 10 s for 20 min: all requests | 20 | 20 |"), report);
            assertTrue(report.contains("| … of which for the progress (every 10 lifetimes, in place of a state request) | 2 | 2 |"), report);
            assertTrue(report.contains("| 100 viewers of one build page at the same moment | 1 | 1 |"), report);
            assertTrue(report.contains("| 100 views of a job page with 50 pull requests of one repository | 1 | 1 |"), report);
            assertTrue(report.contains("| job page refresh, 50 pull requests | 1 |"), report);
        }
    }

    @Test
    void listingAWorkspaceOf1000RepositoriesTakesTenRequestsAndTheSecondLookNone() throws Exception {
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            String report = ListingBenchmark.run(sandbox, 1);
            assertTrue(report.contains("| 1000 | 10 | 10 |"), report);
            assertTrue(report.contains("| 0 requests |"), report);
        }
    }
}
