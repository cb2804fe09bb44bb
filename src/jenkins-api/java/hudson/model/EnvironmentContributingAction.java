package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

// Compile-only stub (see src/jenkins-api/README.md).
public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        throw new UnsupportedOperationException("stub");
    }
}
