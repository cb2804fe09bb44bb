package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import java.util.ArrayList;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import java.util.Map;

/** A pull request's state as Bitbucket answered it. */
public record PullRequestRead(RepositoryRef repository, PullRequestStatus status, AcceptanceProgress acceptance)
        implements KonductroResult {

    /** With {@code acceptance: [total, resolved, open]}: the pull request's tasks. */
    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("id", Math.toIntExact(status.id()), "state", status.state(), "url", status.url(),
                "title", status.title(), "updatedOn", status.updatedOn(), "mergeCommit", status.mergeCommit(),
                "acceptance", KonductroResult.map("total", acceptance.total(), "resolved", acceptance.resolved(),
                        "open", new ArrayList<>(acceptance.open())));
    }

    /** With {@code KONDUCTRO_PR_CRITERIA_RESOLVED} and {@code KONDUCTRO_PR_CRITERIA_TOTAL}. */
    @Override
    public Map<String, String> variables() {
        Map<String, String> variables = KonductroResult.super.variables();
        variables.put("KONDUCTRO_PR_CRITERIA_RESOLVED", Integer.toString(acceptance.resolved()));
        variables.put("KONDUCTRO_PR_CRITERIA_TOTAL", Integer.toString(acceptance.total()));
        return variables;
    }

    @Override
    public String variablePrefix() {
        return "PR";
    }
}
