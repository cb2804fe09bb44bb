package io.jenkins.plugins.konductro.build;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.AbstractBuild;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.konductro.usecases.BuildRecord;

/**
 * Kept on the build: what Konductro did in it. Later steps of the same build find the branch started for a ticket
 * here, and build steps after a Konductro step see its results as {@code KONDUCTRO_*} environment variables.
 */
public final class KonductroBuildAction extends InvisibleAction implements EnvironmentContributingAction {
    private final BuildRecord record = new BuildRecord();

    /** The build's action, added to it on first use. */
    static KonductroBuildAction of(Run<?, ?> run) {
        synchronized (KonductroBuildAction.class) { // parallel branches of one build must share one record
            KonductroBuildAction action = run.getAction(KonductroBuildAction.class);
            if (action == null) {
                action = new KonductroBuildAction();
                run.addAction(action);
            }
            return action;
        }
    }

    public BuildRecord record() {
        return record;
    }

    /**
     * A freestyle build resolves {@code $NAME} and {@code $$} in its environment after the actions contributed to it
     * ({@code AbstractBuild.getEnvironment}): a {@code $} from Bitbucket (a pull request title) is escaped there.
     */
    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        boolean resolved = run instanceof AbstractBuild;
        record.variables().forEach((name, value) -> env.put(name, resolved ? value.replace("$", "$$") : value));
    }
}
