package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

// Compile-only stub (see src/jenkins-api/README.md).
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public ListBoxModel() {
    }

    public static final class Option {
        public Option(@NonNull String name, @NonNull String value) {
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
        }
    }
}
