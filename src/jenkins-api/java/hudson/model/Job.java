package hudson.model;

import hudson.ExtensionPoint;
import java.util.List;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public List<JobProperty<? super JobT>> getAllProperties() {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends JobProperty> T getProperty(Class<T> clazz) {
        throw new UnsupportedOperationException("stub");
    }
}
