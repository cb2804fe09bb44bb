package hudson;

import java.io.IOException;

// Compile-only stub (see src/jenkins-api/README.md).
public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}
