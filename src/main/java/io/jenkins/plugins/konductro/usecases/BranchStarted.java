package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.BranchResult;
import java.util.Map;

/** The ticket's branch, created now or found. */
public record BranchStarted(RepositoryRef repository, BranchResult branch) implements KonductroResult {

    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("branch", branch.branch(), "commit", branch.commit(), "created", branch.created(),
                "url", branch.url());
    }

    @Override
    public String variablePrefix() {
        return "BRANCH";
    }
}
