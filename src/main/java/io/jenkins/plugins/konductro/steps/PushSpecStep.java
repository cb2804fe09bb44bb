package io.jenkins.plugins.konductro.steps;

import hudson.Extension;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.CredentialProblem;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.SpecResult;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code konductroPushSpec}: commits the ticket's spec as {@code .tickets/<TICKET>.md} on its branch. */
public final class PushSpecStep extends KonductroStep {
    private final String ticket;
    private String spec;
    private String file;
    private String message;

    @DataBoundConstructor
    public PushSpecStep(String repository, String ticket) {
        super(repository);
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
        this.file = blankToNull(file);
    }

    public String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(String message) {
        this.message = blankToNull(message);
    }

    @Override
    Map<String, Object> run(StepEnvironment env) throws IOException, InterruptedException, StepFailure, CredentialProblem {
        RepositoryRef repo = repositoryRef();
        TicketKey key = TicketKey.of(ticket);
        if ((spec == null) == (file == null)) {
            throw new StepFailure("konductroPushSpec: give either spec (the Markdown text) or file (a path in the workspace), "
                    + (spec == null ? "not neither." : "not both."));
        }
        String target = branchFor(env, repo, key, "konductroPushSpec");
        byte[] fromFile = file == null ? null : readFile(env.workspace());
        KonductroOperations operations = env.operations();
        SpecResult pushed = fromFile == null
                ? operations.pushSpec(developer(env, repo), repo, ticket, target, spec, message)
                : operations.pushSpec(developer(env, repo), repo, ticket, target, fromFile, message);
        env.console().println((pushed.changed() ? "Pushed " + pushed.path() + " to " : pushed.path() + " is already up to date on ")
                + target + " in " + repo.fullName() + " at " + shortHash(pushed.commit()) + " — " + pushed.url());
        return result("path", pushed.path(), "commit", pushed.commit(), "changed", pushed.changed(), "url", pushed.url());
    }

    private byte[] readFile(WorkspaceFiles workspace) throws IOException, InterruptedException, StepFailure {
        if (workspace == null) {
            throw new StepFailure("konductroPushSpec: file '" + file + "' is read from the workspace, and there is none "
                    + "here. Call the step inside node { … }, or pass the text as spec: readFile('" + file + "').");
        }
        // One byte over the limit is enough for the operation to refuse the spec with its size message.
        return workspace.read(file, KonductroOperations.MAX_SPEC_BYTES + 1);
    }

    @Extension
    public static final class DescriptorImpl extends KonductroStepDescriptor {
        @Override
        public String getFunctionName() {
            return "konductroPushSpec";
        }

        @Override
        public String getDisplayName() {
            return "Konductro: push the ticket's spec to its branch";
        }
    }
}
