package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.model.IdStrategy;
import jenkins.model.Loadable;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.StaplerProxy;

// Compile-only stub (see src/jenkins-api/README.md).
public class User extends AbstractModelObject
        implements AccessControlled, DescriptorByNameOwner, Loadable, Saveable, Comparable<User>,
                ModelObjectWithContextMenu, StaplerProxy {
    private User(String id, String fullName) {
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stub");
    }

    @NonNull
    public static IdStrategy idStrategy() {
        throw new UnsupportedOperationException("stub");
    }

    public static @CheckForNull User current() {
        throw new UnsupportedOperationException("stub");
    }

    // Needed because User is concrete and implements Comparable<User>.
    @Override
    public int compareTo(@NonNull User that) {
        throw new UnsupportedOperationException("stub");
    }

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends UserProperty> T getProperty(Class<T> clazz) {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void addProperty(@NonNull UserProperty p) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
