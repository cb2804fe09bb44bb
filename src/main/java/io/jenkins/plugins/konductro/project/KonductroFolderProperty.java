package io.jenkins.plugins.konductro.project;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import hudson.Extension;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.forms.SharedHelp;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A folder's Konductro setting, for the jobs inside it that have none of their own: its git provider and the
 * repositories it links. A multibranch Pipeline keeps its settings here (its branches' jobs are its children);
 * nested folders take the innermost setting.
 */
public final class KonductroFolderProperty extends AbstractFolderProperty<AbstractFolder<?>> implements ProjectSetting {
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
    public KonductroFolderProperty(String provider, List<LinkedRepository> repositories) {
        this.provider = ProjectSetting.checkedProvider(provider);
        this.repositories = ProjectSetting.checked(this.provider, repositories, LinkChecks.Owner.FOLDER);
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
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {
        private static final SharedHelp JOB_SETTING_HELP = new SharedHelp(KonductroProjectProperty.class);

        @Override
        public String getDisplayName() {
            return Messages.ProjectSetting_DisplayName();
        }

        /** None for a form that links nothing and asks for nothing ({@link ProjectSetting#keptWhenSet}). */
        @Override
        public AbstractFolderProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return ProjectSetting.keptWhenSet((KonductroFolderProperty) super.newInstance(req, formData));
        }

        @POST
        public ListBoxModel doFillProviderItems() {
            return ProjectForms.providerItems();
        }

        /** The job setting's help, whose texts say what differs in a folder: one text per field. */
        @Override
        public String getHelpFile(String fieldName) {
            return JOB_SETTING_HELP.url(fieldName);
        }
    }
}
