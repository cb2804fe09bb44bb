package io.jenkins.plugins.konductro;

import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RepositoryPicker;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import okhttp3.OkHttpClient;

/**
 * The one Bitbucket client of this Jenkins: every step and credential check shares its connection pool and the
 * main-branch cache. Its HTTP client follows Jenkins' proxy settings.
 */
public final class KonductroService {

    private KonductroService() {}

    private static final class Holder {
        static final KonductroOperations OPERATIONS = new KonductroOperations(BitbucketClient.builder()
                .httpClient(JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build())
                .build());
        static final KonductroUseCases USE_CASES = KonductroUseCases.over(OPERATIONS);
        static final LinkRepositories LINK_REPOSITORIES = new LinkRepositories(OPERATIONS);
        static final RepositoryPicker REPOSITORY_PICKER = new RepositoryPicker(OPERATIONS);
        static final PullRequestStates PULL_REQUEST_STATES = new PullRequestStates(OPERATIONS,
                KonductroConfiguration::stateLifetime, System::currentTimeMillis);
    }

    public static KonductroOperations operations() {
        return Holder.OPERATIONS;
    }

    /** The pull requests' live states, shared by every page and viewer of this Jenkins. */
    public static PullRequestStates pullRequestStates() {
        return Holder.PULL_REQUEST_STATES;
    }

    /** What saving a job's or folder's linked repositories checks. */
    public static LinkRepositories linkRepositories() {
        return Holder.LINK_REPOSITORIES;
    }

    /** The repository lists of the settings forms, cached per user and workspace. */
    public static RepositoryPicker repositoryPicker() {
        return Holder.REPOSITORY_PICKER;
    }

    /** What the Pipeline steps and the freestyle build steps run. */
    public static KonductroUseCases useCases() {
        return Holder.USE_CASES;
    }
}
