package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

// Compile-only stub (see src/jenkins-api/README.md).
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public ListBoxModel() {
    }

    public static final class Option {
        // Placeholder: the real public constructors are not stubbed.
        private Option() {
        }
    }
}
