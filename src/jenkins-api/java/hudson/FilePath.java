package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.OpenOption;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Compile-only stub (see src/jenkins-api/README.md).
public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@NonNull File localPath) {
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

    public InputStream read(FilePath rootPath, OpenOption... openOptions) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isDescendant(@NonNull String potentialChildRelativePath) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }
}
