package io.jenkins.plugins.konductro.pages;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import java.util.Map;

/** Build records saved by releases whose page classes lived in another package still load. */
public final class FormerNames {
    /** Former class name → the class that reads what it saved (the fields are the same). */
    public static final Map<String, Class<?>> OF_BUILD_RECORDS =
            Map.of("io.jenkins.plugins.konductro.build.KonductroBuildAction", KonductroBuildAction.class);

    private FormerNames() {}

    /** Before any build is loaded: jobs, and so their builds, load after the plugins have started. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void register() {
        OF_BUILD_RECORDS.forEach(Run.XSTREAM2::addCompatibilityAlias);
    }
}
