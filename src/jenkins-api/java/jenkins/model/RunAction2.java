package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

// Compile-only stub (see src/jenkins-api/README.md).
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
