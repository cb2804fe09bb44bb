package hudson.model;

import hudson.search.SearchableModelObject;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class AbstractModelObject implements SearchableModelObject {
}
