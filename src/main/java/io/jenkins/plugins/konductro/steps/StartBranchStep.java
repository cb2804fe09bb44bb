package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StartBranchRequest;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code konductroStartBranch}: creates the ticket's feature branch, or finds the one already there. */
public final class StartBranchStep extends KonductroStep {
    private final String ticket;
    private String summary;
    private String from;

    @DataBoundConstructor
    public StartBranchStep(String ticket) {
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
        this.summary = Arguments.text(summary);
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = Arguments.text(from);
    }

    /** {@code branch} is the name of the branch to create. */
    StartBranchRequest toRequest() {
        return StartBranchRequest.of(getRepository(), ticket).withSummary(summary).withNewBranch(getBranch()).withFrom(from)
                .withCredentialsId(getCredentialsId());
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return useCases.startBranch().run(toRequest(), build);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroStartBranch";
        }

        @Override
        public String getDisplayName() {
            return Messages.StartBranchStep_DisplayName();
        }
    }
}
