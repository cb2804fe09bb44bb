package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Action extends ModelObject {
    @CheckForNull String getIconFileName();

    @CheckForNull String getDisplayName();

    @CheckForNull String getUrlName();
}
