package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.CredentialProblem;
import io.jenkins.plugins.konductro.operations.BranchResult;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code konductroStartBranch}: creates the ticket's feature branch, or finds the one already there. */
public final class StartBranchStep extends KonductroStep {
    private final String ticket;
    private String summary;
    private String from;

    @DataBoundConstructor
    public StartBranchStep(String repository, String ticket) {
        super(repository);
        this.ticket = ticket;
    }

    public String getTicket() {
        return ticket;
    }

    public String getSummary() {
        return summary;
    }

    @DataBoundSetter
    public void setSummary(String summary) {
        this.summary = blankToNull(summary);
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = blankToNull(from);
    }

    @Override
    Map<String, Object> run(StepEnvironment env) throws IOException, CredentialProblem {
        RepositoryRef repo = repositoryRef();
        TicketKey key = TicketKey.of(ticket);
        BranchResult started = env.operations().startBranch(developer(env, repo), repo, ticket, summary, getBranch(), from);
        env.branches().remember(repo, key, started.branch());
        env.console().println((started.created() ? "Created branch " : "Branch already there: ") + started.branch()
                + " in " + repo.fullName() + " at " + shortHash(started.commit()) + " — " + started.url());
        return result("branch", started.branch(), "commit", started.commit(), "created", started.created(),
                "url", started.url());
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroStartBranch";
        }

        @Override
        public String getDisplayName() {
            return "Konductro: start the ticket's branch in Bitbucket Cloud";
        }
    }
}
