package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

// Compile-only stub (see src/jenkins-api/README.md).
public class Queue extends ResourceController implements Saveable {
    public Queue(@NonNull LoadBalancer loadBalancer) {
    }

    public interface Task extends ModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }

    // Implements Saveable.save() in the real class.
    @Override
    public void save() {
        throw new UnsupportedOperationException("stub");
    }
}
