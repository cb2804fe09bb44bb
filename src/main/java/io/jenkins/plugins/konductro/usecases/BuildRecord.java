package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Konductro did in one build: the branch started for each repository and ticket, so that later steps may leave
 * out {@code branch}, and the environment variables of each kind of step's latest result. Kept with the build (a
 * plain class, not a record, so that Jenkins' XStream can read it back); parallel Pipeline branches share it. Each
 * change replaces a whole map, so saving the build while a step records never sees a map half-changed.
 */
public final class BuildRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private volatile Map<String, String> branches = new LinkedHashMap<>();
    private volatile Map<String, String> variables = new LinkedHashMap<>();

    /** The branch started for {@code ticket} in {@code repository} earlier in this build. */
    public Optional<String> branchFor(RepositoryRef repository, TicketKey ticket) {
        return Optional.ofNullable(branches.get(key(repository, ticket)));
    }

    synchronized void rememberBranch(RepositoryRef repository, TicketKey ticket, String branch) {
        Map<String, String> changed = new LinkedHashMap<>(branches);
        changed.put(key(repository, ticket), branch);
        branches = changed;
    }

    /** Takes in a step's result: its variables replace those of the same names, and a null value removes one. */
    synchronized void record(KonductroResult result) {
        Map<String, String> changed = new LinkedHashMap<>(variables);
        result.variables().forEach((name, value) -> {
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
        });
        variables = changed;
    }

    /** {@code KONDUCTRO_*} environment variables for the build's later steps, in the order they were first set. */
    public Map<String, String> variables() {
        return new LinkedHashMap<>(variables);
    }

    private static String key(RepositoryRef repository, TicketKey ticket) {
        return repository.fullName() + " " + ticket.value();
    }
}
