package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.ModelObjectWithContextMenu;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}
