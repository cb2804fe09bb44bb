package io.jenkins.plugins.konductro.steps;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.util.Optional;

/** The branch {@code konductroStartBranch} made for a ticket earlier in the same build. */
public interface BranchMemory {

    Optional<String> recall(RepositoryRef repository, TicketKey ticket);

    void remember(RepositoryRef repository, TicketKey ticket, String branch);

    static String key(RepositoryRef repository, TicketKey ticket) {
        return repository.fullName() + " " + ticket.value();
    }
}
