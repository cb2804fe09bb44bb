package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

// Compile-only stub (see src/jenkins-api/README.md).
public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {
}
