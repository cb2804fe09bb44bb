package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
