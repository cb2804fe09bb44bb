package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import java.util.ArrayList;
import java.util.Map;

/**
 * A pull request's state as Bitbucket answered it.
 *
 * @param acceptance its tasks' progress; {@code null} when the task list could not be read after the state was
 * @param acceptanceUnknown why the progress is unknown; {@code null} when it is known
 */
public record PullRequestRead(RepositoryRef repository, PullRequestStatus status, AcceptanceProgress acceptance,
        String acceptanceUnknown) implements KonductroResult {

    static PullRequestRead withProgress(RepositoryRef repository, PullRequestStatus status, AcceptanceProgress acceptance) {
        return new PullRequestRead(repository, status, acceptance, null);
    }

    static PullRequestRead progressUnknown(RepositoryRef repository, PullRequestStatus status, String why) {
        return new PullRequestRead(repository, status, null, why);
    }

    /**
     * With {@code acceptance: [total, resolved, open]}: the pull request's tasks; when they could not be read, total and
     * resolved are {@code null}, open is empty and {@code unknown} says why.
     */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> progress = acceptance == null
                ? KonductroResult.map("total", null, "resolved", null, "open", new ArrayList<>(), "unknown", acceptanceUnknown)
                : KonductroResult.map("total", acceptance.total(), "resolved", acceptance.resolved(),
                        "open", new ArrayList<>(acceptance.open()));
        return KonductroResult.map("id", Math.toIntExact(status.id()), "state", status.state(), "url", status.url(),
                "title", status.title(), "updatedOn", status.updatedOn(), "mergeCommit", status.mergeCommit(),
                "acceptance", progress);
    }

    /** With {@code KONDUCTRO_PR_CRITERIA_RESOLVED} and {@code KONDUCTRO_PR_CRITERIA_TOTAL}, when the progress is known. */
    @Override
    public Map<String, String> variables() {
        Map<String, String> variables = KonductroResult.super.variables();
        variables.put("KONDUCTRO_PR_CRITERIA_RESOLVED", acceptance == null ? null : Integer.toString(acceptance.resolved()));
        variables.put("KONDUCTRO_PR_CRITERIA_TOTAL", acceptance == null ? null : Integer.toString(acceptance.total()));
        return variables;
    }

    @Override
    public String variablePrefix() {
        return "PR";
    }
}
