package io.jenkins.plugins.konductro.freestyle;

import hudson.AbortException;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.forms.SharedHelp;
import io.jenkins.plugins.konductro.forms.StepForms;
import io.jenkins.plugins.konductro.running.JenkinsBuild;
import io.jenkins.plugins.konductro.steps.KonductroStep;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.KonductroResult;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import io.jenkins.plugins.konductro.usecases.Variables;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The arguments the four Konductro freestyle build steps share: the repository, the branch, and whose token to use.
 * A build step holds its arguments, expands {@code ${VAR}} in them from the build's environment ({@link Variables}),
 * and runs one use case; its results reach the later build steps as {@code KONDUCTRO_*} variables.
 */
public abstract class KonductroBuilder extends Builder {
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

    /** The branch to work on; each build step says what it means and defaults to. */
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

    /** A Credentials parameter's name, or one of your own credential ids; not expanded (the Credentials API does that). */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Arguments.text(credentialsId);
    }

    /**
     * A freestyle build step only: not a {@code SimpleBuildStep}, so Pipeline's Snippet Generator offers the four
     * Pipeline steps alone and not these under "General Build Step" too.
     */
    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        try {
            execute(KonductroService.useCases(), JenkinsBuild.of(JobKind.FREESTYLE, build, build.getWorkspace(), listener),
                    Variables.from(build.getEnvironment(listener)));
        } catch (StepFailure e) {
            throw new AbortException(e.getMessage());
        }
        return true;
    }

    /** Runs the build step with {@code ${VAR}} references expanded by {@code variables}. */
    public final KonductroResult execute(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure {
        return run(useCases, build, variables);
    }

    abstract KonductroResult run(KonductroUseCases useCases, RunningBuild build, UnaryOperator<String> variables)
            throws IOException, InterruptedException, StepFailure;

    /**
     * Offered in every job type that has build steps; the credential picker and the field checks; the help of the
     * Pipeline step with the same fields, whose texts say where a build step differs.
     */
    public abstract static class KonductroBuilderDescriptor extends BuildStepDescriptor<Builder> {
        private final SharedHelp help;

        protected KonductroBuilderDescriptor(Class<? extends KonductroStep> pipelineStep) {
            this.help = new SharedHelp(pipelineStep);
        }

        /** The Pipeline step's help for the field, or its overview for {@code null} (what {@code getHelpFile()} asks). */
        @Override
        public String getHelpFile(String fieldName) {
            return help.url(fieldName);
        }

        @Override
        @SuppressWarnings("rawtypes") // the real signature takes the raw type
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
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
