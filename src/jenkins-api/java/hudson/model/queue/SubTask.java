package hudson.model.queue;

import hudson.model.ResourceActivity;

// Compile-only stub (see src/jenkins-api/README.md).
public interface SubTask extends ResourceActivity {
}
