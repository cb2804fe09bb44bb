package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class StepExecution implements Serializable {
    protected StepExecution(@NonNull StepContext context) {
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("stub");
    }

    // Abstract in the real class; SynchronousNonBlockingStepExecution implements it (final).
    public abstract boolean start() throws Exception;
}
