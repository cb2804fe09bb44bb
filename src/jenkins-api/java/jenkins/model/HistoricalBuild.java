package jenkins.model;

import hudson.model.ModelObject;

// Compile-only stub (see src/jenkins-api/README.md).
public interface HistoricalBuild extends ModelObject {
}
