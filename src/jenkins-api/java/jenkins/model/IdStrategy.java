package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.util.Comparator;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class IdStrategy extends AbstractDescribableImpl<IdStrategy> implements ExtensionPoint, Comparator<String> {
    public boolean equals(@NonNull String id1, @NonNull String id2) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public abstract int compare(@NonNull String id1, @NonNull String id2);
}
