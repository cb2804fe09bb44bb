package io.jenkins.plugins.konductro;

import hudson.Extension;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import java.time.Duration;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/** Konductro's settings in Manage Jenkins › System. */
@Extension
@Symbol("konductro")
public final class KonductroConfiguration extends GlobalConfiguration {
    static final int MIN_STATE_CACHE_SECONDS = 10;
    private static volatile KonductroConfiguration instance; // Jenkins makes the one instance of an @Extension

    private int stateCacheSeconds = (int) PullRequestStates.DEFAULT_LIFETIME.toSeconds();

    public KonductroConfiguration() {
        load();
        instance = this;
    }

    public int getStateCacheSeconds() {
        return stateCacheSeconds;
    }

    /** How long a pull request's state is shown without asking Bitbucket again; at least 10 s. */
    @DataBoundSetter
    public void setStateCacheSeconds(int stateCacheSeconds) {
        this.stateCacheSeconds = Math.max(MIN_STATE_CACHE_SECONDS, stateCacheSeconds);
        save();
    }

    @Override
    public String getDisplayName() {
        return Messages.KonductroConfiguration_DisplayName();
    }

    /** The setting, or the default before Jenkins has made the configuration. */
    public static Duration stateLifetime() {
        KonductroConfiguration configuration = instance;
        return configuration == null ? PullRequestStates.DEFAULT_LIFETIME : Duration.ofSeconds(configuration.stateCacheSeconds);
    }
}
