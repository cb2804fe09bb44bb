package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class FormFillFailure extends IOException implements HttpResponse {
    private FormFillFailure(FormValidation.Kind kind) {
    }

    public static FormFillFailure error(@NonNull String message) {
        throw new UnsupportedOperationException("stub");
    }

    public static FormFillFailure warning(@NonNull String message) {
        throw new UnsupportedOperationException("stub");
    }
}
