package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.operations.BranchResult;
import java.util.Map;

/** The ticket's branch, created now or found. */
public record BranchStarted(BranchResult branch) implements KonductroResult {

    @Override
    public Map<String, Object> toMap() {
        return KonductroResult.map("branch", branch.branch(), "commit", branch.commit(), "created", branch.created(),
                "url", branch.url());
    }

    @Override
    public String variablePrefix() {
        return "BRANCH";
    }
}
