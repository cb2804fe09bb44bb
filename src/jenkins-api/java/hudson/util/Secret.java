package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public final class Secret implements Serializable {
    /*package*/ Secret(String value) {
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stub");
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException("stub");
    }
}
