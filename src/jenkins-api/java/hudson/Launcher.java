package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Launcher {
    protected Launcher(@NonNull Launcher launcher) {
    }
}
