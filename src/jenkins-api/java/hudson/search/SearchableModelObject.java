package hudson.search;

import hudson.model.ModelObject;

// Compile-only stub (see src/jenkins-api/README.md).
public interface SearchableModelObject extends ModelObject, SearchItem {
}
