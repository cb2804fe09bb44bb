package io.jenkins.plugins.konductro.project;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormFillFailure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A repository a job or folder links: {@code {provider: 'bitbucket', workspace, repo}}. */
public final class LinkedRepository extends AbstractDescribableImpl<LinkedRepository> {
    private final String provider;
    private final String workspace;
    private final String repo;

    /** @param repo the repository's slug; {@code workspace/repo} or a bitbucket.org URL is taken too */
    @DataBoundConstructor
    public LinkedRepository(String workspace, String repo) {
        this.provider = RepositoryRef.PROVIDER;
        this.workspace = Arguments.text(workspace);
        this.repo = Arguments.text(repo);
    }

    static LinkedRepository of(RepositoryRef repository) {
        return new LinkedRepository(repository.workspace(), repository.repo());
    }

    /** The git provider that hosts it: {@code bitbucket} (Bitbucket Cloud), the one Konductro implements. */
    public String getProvider() {
        return provider;
    }

    public String getWorkspace() {
        return workspace;
    }

    public String getRepo() {
        return repo;
    }

    /** A setting saved without the provider (hand-written XML) reads as Bitbucket Cloud's. */
    private Object readResolve() {
        return provider == null ? new LinkedRepository(workspace, repo) : this;
    }

    LinkRepositories.Entry entry() {
        return new LinkRepositories.Entry(workspace, repo);
    }

    @Extension
    @Symbol("bitbucketRepository")
    public static final class DescriptorImpl extends Descriptor<LinkedRepository> {
        @Override
        public String getDisplayName() {
            return Messages.LinkedRepository_DisplayName();
        }

        /** The workspaces of the form user's own Konductro credentials: choosing one chooses the credential. */
        @POST
        public ListBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String workspace)
                throws FormFillFailure {
            return ProjectForms.workspaceItems(item, workspace);
        }

        /** The workspace's repositories as the form user's own credential lists them. */
        @POST
        public ComboBoxModel doFillRepoItems(@AncestorInPath Item item, @QueryParameter String workspace) throws IOException {
            return ProjectForms.repositoryItems(item, workspace);
        }

        /** Shows why the list is empty (core's combobox drops a failed fill), or that a typed slug is not in it. */
        @POST
        public FormValidation doCheckRepo(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String workspace) throws IOException {
            return ProjectForms.checkRepository(item, workspace, value);
        }
    }
}
