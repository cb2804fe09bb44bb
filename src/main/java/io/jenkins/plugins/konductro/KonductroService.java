package io.jenkins.plugins.konductro;

import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.usecases.KonductroUseCases;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RepositoryPicker;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * The one Bitbucket client of this Jenkins: every step and credential check shares its connection pool and the
 * main-branch cache. Its HTTP client follows Jenkins' proxy settings.
 */
public final class KonductroService {

    /**
     * A testing knob: {@code -Dio.jenkins.plugins.konductro.testing.apiUrl=http://127.0.0.1:PORT/2.0} points Konductro
     * at a stand-in for Bitbucket Cloud on this machine (the acceptance suite's sandbox). Only loopback addresses are
     * taken; any other value is ignored, with a warning, and Bitbucket Cloud is used.
     */
    static final String TESTING_API_URL = "io.jenkins.plugins.konductro.testing.apiUrl";
    private static final Logger LOGGER = Logger.getLogger(KonductroService.class.getName());

    private KonductroService() {}

    /** Bitbucket Cloud's API, or the loopback stand-in that {@code knob} names. */
    static String apiUrl(String knob) {
        if (knob == null || knob.isBlank()) {
            return BitbucketClient.DEFAULT_API_URL;
        }
        if (!BitbucketClient.Builder.isLoopback(knob)) {
            LOGGER.warning(TESTING_API_URL + " takes loopback addresses only; using " + BitbucketClient.DEFAULT_API_URL);
            return BitbucketClient.DEFAULT_API_URL;
        }
        return knob;
    }

    private static final class Holder {
        static final KonductroOperations OPERATIONS = new KonductroOperations(BitbucketClient.builder()
                .apiUrl(apiUrl(System.getProperty(TESTING_API_URL)))
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
