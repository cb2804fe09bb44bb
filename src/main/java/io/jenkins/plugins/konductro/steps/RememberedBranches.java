package io.jenkins.plugins.konductro.steps;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Kept on the build: the branch made for each repository and ticket, so later steps may leave out {@code branch}. */
public final class RememberedBranches extends InvisibleAction implements BranchMemory {
    private final Map<String, String> branches = new ConcurrentHashMap<>();

    /** The build's memory, added to it on first use. */
    static RememberedBranches of(Run<?, ?> run) {
        synchronized (RememberedBranches.class) { // parallel branches of one build must share one memory
            RememberedBranches memory = run.getAction(RememberedBranches.class);
            if (memory == null) {
                memory = new RememberedBranches();
                run.addAction(memory);
            }
            return memory;
        }
    }

    @Override
    public Optional<String> recall(RepositoryRef repository, TicketKey ticket) {
        return Optional.ofNullable(branches.get(BranchMemory.key(repository, ticket)));
    }

    @Override
    public void remember(RepositoryRef repository, TicketKey ticket, String branch) {
        branches.put(BranchMemory.key(repository, ticket), branch);
    }
}
