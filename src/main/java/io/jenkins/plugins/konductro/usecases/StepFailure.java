package io.jenkins.plugins.konductro.usecases;

/** An expected failure of a step: the build log shows its message, without a stack trace. */
public final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public StepFailure(String message) {
        super(message);
    }
}
