package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.SpecResult;
import java.util.Map;

/** The ticket's spec on its branch, committed now or already up to date. */
public record SpecPushed(RepositoryRef repository, SpecResult spec) implements KonductroResult {

    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("path", spec.path(), "commit", spec.commit(), "changed", spec.changed(), "url", spec.url());
    }

    @Override
    public String variablePrefix() {
        return "SPEC";
    }
}
