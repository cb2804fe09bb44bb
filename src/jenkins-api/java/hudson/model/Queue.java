package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

// Compile-only stub (see src/jenkins-api/README.md).
public class Queue extends ResourceController implements Saveable {
    // Placeholder: the real public constructor is not stubbed.
    private Queue() {
    }

    public interface Task extends ModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
