package hudson.model;

import java.io.IOException;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Saveable {
    void save() throws IOException;
}
