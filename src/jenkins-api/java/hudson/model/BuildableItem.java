package hudson.model;

import hudson.model.Queue.Task;

// Compile-only stub (see src/jenkins-api/README.md).
public interface BuildableItem extends Item, Task {
}
