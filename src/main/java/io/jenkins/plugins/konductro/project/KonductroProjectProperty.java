package io.jenkins.plugins.konductro.project;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.JobProperty;
import hudson.model.JobPropertyDescriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A job's Konductro setting: its git provider and the repositories it links, which its steps may leave out or name by
 * slug. A job without one takes its nearest folder's ({@link KonductroFolderProperty}).
 */
public final class KonductroProjectProperty extends JobProperty<Job<?, ?>> implements ProjectSetting {
    private String provider;
    private final List<LinkedRepository> repositories;
    private boolean defaultReviewers;

    /**
     * @param provider Bitbucket Cloud ({@code bitbucket}, also when {@code null}), the one Konductro implements; saved so
     *                 that the setting reads right when another provider exists
     * @throws SettingNotSaved when the provider is another, or a repository is malformed, repeated, or (on a form save)
     *         not visible to the person saving
     */
    @DataBoundConstructor
    public KonductroProjectProperty(String provider, List<LinkedRepository> repositories) {
        this.provider = ProjectSetting.checkedProvider(provider);
        this.repositories = ProjectSetting.checked(this.provider, repositories, LinkChecks.Owner.JOB);
    }

    @Override
    public String getProvider() {
        return provider;
    }

    @Override
    public List<LinkedRepository> getRepositories() {
        return repositories == null ? List.of() : repositories;
    }

    @Override
    public boolean isDefaultReviewers() {
        return defaultReviewers;
    }

    /** Adds the repository's effective default reviewers to every pull request the steps open (a step may add them too). */
    @DataBoundSetter
    public void setDefaultReviewers(boolean defaultReviewers) {
        this.defaultReviewers = defaultReviewers;
    }

    private Object readResolve() {
        provider = provider == null ? RepositoryRef.PROVIDER : provider;
        return this;
    }

    @Extension
    @Symbol("konductroProject")
    public static final class DescriptorImpl extends JobPropertyDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.ProjectSetting_DisplayName();
        }

        /** None for a form that links nothing and asks for nothing ({@link ProjectSetting#keptWhenSet}). */
        @Override
        public JobProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return ProjectSetting.keptWhenSet((KonductroProjectProperty) super.newInstance(req, formData));
        }

        @POST
        public ListBoxModel doFillProviderItems() {
            return ProjectForms.providerItems();
        }
    }
}
