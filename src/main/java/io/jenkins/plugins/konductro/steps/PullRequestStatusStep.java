package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.CredentialProblem;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code konductroPrStatus}: the state of a pull request (OPEN, MERGED, DECLINED or SUPERSEDED), by id, by source
 * branch, or for the ticket whose branch {@code konductroStartBranch} made in this build.
 */
public final class PullRequestStatusStep extends KonductroStep {
    private Integer id;
    private String ticket;

    @DataBoundConstructor
    public PullRequestStatusStep(String repository) {
        super(repository);
    }

    public Integer getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(Integer id) {
        this.id = id;
    }

    public String getTicket() {
        return ticket;
    }

    /** Without {@code id} or {@code branch}: the branch made for this ticket earlier in the build. */
    @DataBoundSetter
    public void setTicket(String ticket) {
        this.ticket = blankToNull(ticket);
    }

    @Override
    Map<String, Object> run(StepEnvironment env) throws IOException, StepFailure, CredentialProblem {
        RepositoryRef repo = repositoryRef();
        String source = getBranch();
        if (id == null && source == null) {
            if (ticket == null) {
                throw new StepFailure("konductroPrStatus: give id (the pull request number), branch (its source branch) "
                        + "or ticket (after konductroStartBranch in this build).");
            }
            source = branchFor(env, repo, TicketKey.of(ticket), "konductroPrStatus");
        }
        PullRequestStatus status = env.operations().pullRequestStatus(developer(env, repo), repo,
                id == null ? null : id.longValue(), source);
        env.console().println("Pull request #" + status.id() + " in " + repo.fullName() + " is " + status.state()
                + ": " + status.title() + " — " + status.url());
        return result("id", Math.toIntExact(status.id()), "state", status.state(), "url", status.url(), "title", status.title(),
                "updatedOn", status.updatedOn(), "mergeCommit", status.mergeCommit());
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroPrStatus";
        }

        @Override
        public String getDisplayName() {
            return "Konductro: read a pull request's state";
        }
    }
}
