package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.PullRequestStatusRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
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
    public PullRequestStatusStep() {
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
        this.ticket = Arguments.text(ticket);
    }

    /** {@code branch} is the source branch of the pull request to find. */
    PullRequestStatusRequest toRequest() {
        return PullRequestStatusRequest.of(getRepository()).withId(id).withSourceBranch(getBranch()).withTicket(ticket)
                .withCredentialsId(getCredentialsId());
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return useCases.pullRequestStatus().run(toRequest(), build);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroPrStatus";
        }

        @Override
        public String getDisplayName() {
            return Messages.PullRequestStatusStep_DisplayName();
        }
    }
}
