package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import jakarta.servlet.ServletException;
import java.io.IOException;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    protected Descriptor() {
    }

    // The real one binds the form to the data-bound constructor and setters.
    public T newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("stub");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getHelpFile(final String fieldName) {
        throw new UnsupportedOperationException("stub");
    }

    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            super(message);
        }

        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
            throw new UnsupportedOperationException("stub");
        }
    }

    // Implements Saveable.save() in the real class (so not abstract for subclasses).
    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("stub");
    }

    // Implements Loadable.load() in the real class.
    public synchronized void load() {
        throw new UnsupportedOperationException("stub");
    }
}
