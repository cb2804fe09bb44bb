package io.jenkins.plugins.konductro.pages;

import hudson.model.Action;
import io.jenkins.plugins.konductro.KonductroConfiguration;

/** What the build's and the job's Konductro actions share: a URL for their state endpoint, and no side-panel link. */
abstract class KonductroPageAction implements Action {

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.KonductroPageAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "konductro";
    }

    /** How often the page's script asks again: the lifetime of an answer, so each ask may see a new one. */
    public long getPollSeconds() {
        return KonductroConfiguration.stateLifetime().toSeconds();
    }
}
