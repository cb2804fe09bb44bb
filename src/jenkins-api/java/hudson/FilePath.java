package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Compile-only stub (see src/jenkins-api/README.md).
public final class FilePath implements SerializableOnlyOverRemoting {
    // Placeholder: the real public constructors are not stubbed.
    private FilePath() {
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }
}
