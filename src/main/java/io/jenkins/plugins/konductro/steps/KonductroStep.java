package io.jenkins.plugins.konductro.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.forms.StepForms;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The arguments the four Konductro Pipeline steps share: the repository, the branch, and whose token to use. A step
 * holds its arguments and runs one use case with them.
 */
public abstract class KonductroStep extends Step {
    private String repository;
    private String branch;
    private String credentialsId;

    public String getRepository() {
        return repository;
    }

    /**
     * {@code workspace/repo} or a bitbucket.org URL; the bare slug of a repository the job links; left out when the job
     * (or its folder) links exactly one.
     */
    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = Arguments.text(repository);
    }

    /** The branch to work on; each step says what it means and defaults to. */
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = Arguments.text(branch);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Credentials parameter (or one of your own credential ids); by default your own credential for the workspace. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Arguments.text(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new KonductroStepExecution(this, context);
    }

    /** Runs the step's use case with its arguments. */
    abstract KonductroResult run(KonductroUseCases useCases, RunningBuild build)
            throws IOException, InterruptedException, StepFailure;

    /** Runs the step; its return value in Pipeline. */
    public final Map<String, Object> execute(KonductroUseCases useCases, RunningBuild build)
            throws IOException, InterruptedException, StepFailure {
        return run(useCases, build).toMap();
    }

    /** The context every Konductro step needs (the build and its log), the credential picker and the field checks. */
    public abstract static class KonductroStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentialsItems(item, credentialsId);
        }

        public FormValidation doCheckRepository(@QueryParameter String value) {
            return StepForms.checkRepository(value);
        }

        public FormValidation doCheckTicket(@QueryParameter String value) {
            return StepForms.checkTicket(value);
        }
    }
}
