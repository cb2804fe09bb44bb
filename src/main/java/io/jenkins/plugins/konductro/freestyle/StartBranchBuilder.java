package io.jenkins.plugins.konductro.freestyle;

import hudson.Extension;
import io.jenkins.plugins.konductro.steps.StartBranchStep;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StartBranchRequest;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle: creates the ticket's feature branch, or finds the one already there; sets {@code KONDUCTRO_BRANCH…}. */
public final class StartBranchBuilder extends KonductroBuilder {
    private final String ticket;
    private String summary;
    private String from;

    @DataBoundConstructor
    public StartBranchBuilder(String ticket) {
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
    StartBranchRequest toRequest(UnaryOperator<String> variables) {
        return StartBranchRequest.of(getRepository(), ticket).withSummary(summary).withNewBranch(getBranch()).withFrom(from)
                .withCredentialsId(getCredentialsId()).expanded(variables);
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure {
        return useCases.startBranch().run(toRequest(variables), build);
    }

    @Extension
    @Symbol("konductroStartBranchBuilder")
    public static final class DescriptorImpl extends KonductroBuilderDescriptor {
        public DescriptorImpl() {
            super(StartBranchStep.class);
        }

        @Override
        public String getDisplayName() {
            return JobKind.FREESTYLE.startBranch();
        }
    }
}
