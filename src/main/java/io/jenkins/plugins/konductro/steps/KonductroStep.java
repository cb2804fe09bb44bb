package io.jenkins.plugins.konductro.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.BitbucketApiTokenCredentials;
import io.jenkins.plugins.konductro.credentials.CredentialProblem;
import io.jenkins.plugins.konductro.credentials.CredentialResolver;
import io.jenkins.plugins.konductro.credentials.PersonalToken;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the four Konductro steps share: the repository, whose token to use, and how failures reach the log.
 * Each step's work is in {@link #run(StepEnvironment)}, which knows the build only through {@link StepEnvironment}.
 */
public abstract class KonductroStep extends Step {
    private final String repository;
    private String branch;
    private String credentialsId;

    protected KonductroStep(String repository) {
        this.repository = repository;
    }

    public String getRepository() {
        return repository;
    }

    /** The branch to work on; each step says what it defaults to. */
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = blankToNull(branch);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A Credentials parameter (or one of your own credential ids); by default your own credential for the workspace. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new KonductroStepExecution(this, context);
    }

    /** The step's work; its result is the step's return value. */
    abstract Map<String, Object> run(StepEnvironment env) throws IOException, InterruptedException, StepFailure,
            CredentialProblem;

    /**
     * Runs the step. Failures the developer can act on (bad input, no credential, Bitbucket's refusals) become a
     * {@link StepFailure} carrying only the message; anything else is a bug and keeps its stack trace.
     */
    public final Map<String, Object> execute(StepEnvironment env) throws IOException, InterruptedException, StepFailure {
        try {
            return run(env);
        } catch (InvalidInputException | CredentialProblem | BitbucketException e) {
            throw new StepFailure(e.getMessage());
        }
    }

    RepositoryRef repositoryRef() {
        return RepositoryRef.parse(repository);
    }

    /** The developer whose token this step uses. A credential created without the form is verified first. */
    Developer developer(StepEnvironment env, RepositoryRef repo) throws CredentialProblem, IOException {
        PersonalToken token = CredentialResolver.choose(env.credentials(), credentialsId, repo.workspace());
        ApiTokenCredential credential = token.unlock();
        if (token.accountUuid() != null) {
            return new Developer(credential, token.displayName(), token.accountUuid());
        }
        CredentialCheck check = env.operations().verifyCredential(credential);
        if (!check.valid()) {
            throw new CredentialProblem("Credential " + token + " does not work: " + check.problem());
        }
        return new Developer(credential, check.displayName(), check.accountUuid());
    }

    /** The step's {@code branch}, else the one {@code konductroStartBranch} made for the ticket in this build. */
    String branchFor(StepEnvironment env, RepositoryRef repo, TicketKey ticket, String stepName) throws StepFailure {
        if (branch != null) {
            return branch;
        }
        return env.branches().recall(repo, ticket).orElseThrow(() -> new StepFailure(stepName + ": give branch, or run "
                + "konductroStartBranch for " + repo.fullName() + " and " + ticket + " earlier in this build."));
    }

    /** The step's return value: an insertion-ordered map of plain values, as Pipeline scripts can use them. */
    static Map<String, Object> result(Object... keysAndValues) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return result;
    }

    /** A list argument: each entry may hold several lines (the step's form is a text area), one item per line. */
    static List<String> lines(List<String> values) {
        List<String> lines = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String line : value == null ? new String[0] : value.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    static String shortHash(String commit) {
        return commit == null ? "?" : commit.substring(0, Math.min(12, commit.length()));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The context every Konductro step needs (the build and its log), and the credential picker of the steps' form. */
    public abstract static class KonductroStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /**
         * Lists the Konductro credentials of the user filling in the form: only their own (USER-scoped), as a build
         * would find them. Users who cannot see the job's configuration get back only the current value.
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            String current = credentialsId == null ? "" : credentialsId;
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null
                    || item != null && !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
                return result.includeCurrentValue(current);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(user, item, BitbucketApiTokenCredentials.class, List.of(),
                            CredentialsMatchers.withScope(CredentialsScope.USER))
                    .includeCurrentValue(current);
        }
    }
}
