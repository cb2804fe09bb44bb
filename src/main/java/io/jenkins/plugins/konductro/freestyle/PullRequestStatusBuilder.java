package io.jenkins.plugins.konductro.freestyle;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.konductro.forms.StepForms;
import io.jenkins.plugins.konductro.steps.PullRequestStatusStep;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.PullRequestStatusRequest;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Freestyle: the state of a pull request (OPEN, MERGED, DECLINED or SUPERSEDED), by id, by source branch, or for
 * the ticket whose branch was started earlier in the build; sets {@code KONDUCTRO_PR_…}.
 */
public final class PullRequestStatusBuilder extends KonductroBuilder {
    private String id;
    private String ticket;

    @DataBoundConstructor
    public PullRequestStatusBuilder() {
    }

    public String getId() {
        return id;
    }

    /** The pull request's number, as text so that it may be {@code ${KONDUCTRO_PR_ID}} or a build parameter. */
    @DataBoundSetter
    public void setId(String id) {
        this.id = Arguments.text(id);
    }

    public String getTicket() {
        return ticket;
    }

    @DataBoundSetter
    public void setTicket(String ticket) {
        this.ticket = Arguments.text(ticket);
    }

    /** {@code branch} is the source branch of the pull request to find. */
    PullRequestStatusRequest toRequest(UnaryOperator<String> variables) throws StepFailure {
        return PullRequestStatusRequest.of(getRepository()).withId(Arguments.pullRequestId(variables.apply(id)))
                .withSourceBranch(getBranch()).withTicket(ticket).withCredentialsId(getCredentialsId()).expanded(variables);
    }

    @Override
    KonductroResult run(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure {
        return useCases.pullRequestStatus().run(toRequest(variables), build);
    }

    @Extension
    @Symbol("konductroPrStatusBuilder")
    public static final class DescriptorImpl extends KonductroBuilderDescriptor {
        public DescriptorImpl() {
            super(PullRequestStatusStep.class);
        }

        @Override
        public String getDisplayName() {
            return JobKind.FREESTYLE.pullRequestStatus();
        }

        public FormValidation doCheckId(@QueryParameter String value) {
            return StepForms.checkPullRequestId(value);
        }
    }
}
