package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public static boolean isAnonymous2(@NonNull Authentication authentication) {
        throw new UnsupportedOperationException("stub");
    }
}
