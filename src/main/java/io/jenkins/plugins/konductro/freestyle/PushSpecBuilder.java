package io.jenkins.plugins.konductro.freestyle;

import hudson.Extension;
import io.jenkins.plugins.konductro.steps.PushSpecStep;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.PushSpecRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle: commits the ticket's spec as {@code .tickets/<TICKET>.md} on its branch; sets {@code KONDUCTRO_SPEC_…}. */
public final class PushSpecBuilder extends KonductroBuilder {
    private final String ticket;
    private String spec;
    private String file;
    private String message;

    @DataBoundConstructor
    public PushSpecBuilder(String ticket) {
        this.ticket = ticket;
    }

    public String getTicket() {
        return ticket;
    }

    public String getSpec() {
        return spec;
    }

    /** The spec's Markdown, pushed as it is (after {@code ${VAR}} expansion). */
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
    PushSpecRequest toRequest(UnaryOperator<String> variables) {
        return PushSpecRequest.of(getRepository(), ticket).withSpec(spec).withFile(file).withTargetBranch(getBranch())
                .withMessage(message).withCredentialsId(getCredentialsId()).expanded(variables);
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure {
        return useCases.pushSpec().run(toRequest(variables), build);
    }

    @Extension
    @Symbol("konductroPushSpecBuilder")
    public static final class DescriptorImpl extends KonductroBuilderDescriptor {
        public DescriptorImpl() {
            super(PushSpecStep.class);
        }

        @Override
        public String getDisplayName() {
            return JobKind.FREESTYLE.pushSpec();
        }
    }
}
