package hudson;

import java.util.TreeMap;

// Compile-only stub (see src/jenkins-api/README.md).
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    @Override
    public String put(String key, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
