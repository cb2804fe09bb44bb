package hudson.util;

import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

// Compile-only stub (see src/jenkins-api/README.md).
public class ComboBoxModel extends ArrayList<String> implements HttpResponse {
    public ComboBoxModel() {
    }

    public ComboBoxModel(Collection<? extends String> c) {
    }
}
