package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Iterator;
import org.jvnet.localizer.Localizable;

// Compile-only stub (see src/jenkins-api/README.md).
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
    }

    // Needed because PermissionGroup is concrete and implements Iterable<Permission> and Comparable<PermissionGroup>.
    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException("stub");
    }
}
