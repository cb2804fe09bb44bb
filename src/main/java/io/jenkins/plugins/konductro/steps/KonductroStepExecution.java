package io.jenkins.plugins.konductro.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.running.JenkinsBuild;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs a Konductro step off the CPS thread, as the build's user; an expected failure fails it without a stack trace. */
final class KonductroStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient KonductroStep step;

    KonductroStepExecution(KonductroStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        try {
            return step.execute(KonductroService.useCases(), JenkinsBuild.of(JobKind.PIPELINE, context.get(Run.class),
                    context.get(FilePath.class), context.get(TaskListener.class)));
        } catch (StepFailure e) {
            throw new AbortException(e.getMessage());
        }
    }
}
