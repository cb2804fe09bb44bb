package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster {
    Permission CONFIGURE = null;
    Permission EXTENDED_READ = null;

    Permission READ = null;

    ItemGroup<? extends Item> getParent();
}
