package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.PushSpecRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code konductroPushSpec}: commits the ticket's spec as {@code .tickets/<TICKET>.md} on its branch. */
public final class PushSpecStep extends KonductroStep {
    private final String ticket;
    private String spec;
    private String file;
    private String message;

    @DataBoundConstructor
    public PushSpecStep(String ticket) {
        this.ticket = ticket;
    }

    public String getTicket() {
        return ticket;
    }

    public String getSpec() {
        return spec;
    }

    /** The spec's Markdown, pushed as it is. */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = spec == null || spec.isEmpty() ? null : spec;
    }

    public String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        this.file = Arguments.text(file);
    }

    public String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(String message) {
        this.message = Arguments.text(message);
    }

    /** {@code branch} is the branch to write on. */
    PushSpecRequest toRequest() {
        return PushSpecRequest.of(getRepository(), ticket).withSpec(spec).withFile(file).withTargetBranch(getBranch())
                .withMessage(message).withCredentialsId(getCredentialsId());
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return useCases.pushSpec().run(toRequest(), build);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroPushSpec";
        }

        @Override
        public String getDisplayName() {
            return Messages.PushSpecStep_DisplayName();
        }
    }
}
