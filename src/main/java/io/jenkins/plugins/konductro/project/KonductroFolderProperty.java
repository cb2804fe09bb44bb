package io.jenkins.plugins.konductro.project;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import hudson.Extension;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * A folder's Konductro setting, for the jobs inside it that have none of their own: its git provider and the
 * repositories it links. A multibranch Pipeline keeps its settings here (its branches' jobs are its children);
 * nested folders take the innermost setting.
 */
public final class KonductroFolderProperty extends AbstractFolderProperty<AbstractFolder<?>> implements ProjectSetting {
    private String provider = RepositoryRef.PROVIDER;
    private final List<LinkedRepository> repositories;

    /** @throws SettingNotSaved when a repository is malformed, repeated, or (on a form save) not visible to the saver */
    @DataBoundConstructor
    public KonductroFolderProperty(List<LinkedRepository> repositories) {
        this.repositories = ProjectSetting.checked(provider, repositories, LinkChecks.Owner.FOLDER);
    }

    @Override
    public String getProvider() {
        return provider;
    }

    /** Bitbucket Cloud ({@code bitbucket}), the one Konductro implements; saved so that the setting reads right later. */
    @DataBoundSetter
    public void setProvider(String provider) {
        this.provider = ProjectSetting.checkedProvider(provider);
    }

    @Override
    public List<LinkedRepository> getRepositories() {
        return repositories == null ? List.of() : repositories;
    }

    private Object readResolve() {
        provider = provider == null ? RepositoryRef.PROVIDER : provider;
        return this;
    }

    @Extension
    @Symbol("konductroProject")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {
        @Override
        public String getDisplayName() {
            return ProjectForms.SETTING_DISPLAY_NAME;
        }

        @POST
        public ListBoxModel doFillProviderItems() {
            return ProjectForms.providerItems();
        }
    }
}
