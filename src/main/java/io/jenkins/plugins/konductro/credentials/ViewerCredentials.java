package io.jenkins.plugins.konductro.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.usecases.OwnCredentials;
import io.jenkins.plugins.konductro.usecases.UseCaseTexts;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person looking at a page: their own Konductro credential for a workspace, looked up as them, and nobody
 * else's. Anonymous users and SYSTEM have none.
 */
public final class ViewerCredentials implements OwnCredentials {
    private final Item item;
    private final Authentication viewer;

    private ViewerCredentials(Item item, Authentication viewer) {
        this.item = item;
        this.viewer = viewer;
    }

    /** The user of the current request, looking at {@code item}. */
    public static ViewerCredentials current(Item item) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return new ViewerCredentials(item, BuildCredentials.isDeveloper(authentication) ? authentication : null);
    }

    /** The person's own Konductro credentials (none for anonymous users and SYSTEM). */
    public List<BitbucketApiTokenCredentials> own() {
        if (viewer == null) {
            return List.of();
        }
        return CredentialsProvider.lookupCredentialsInItem(BitbucketApiTokenCredentials.class, item, viewer, List.of())
                .stream()
                .filter(BuildCredentials::isPersonal)
                .toList();
    }

    /** The person's Jenkins user id, or {@code null} for anonymous users and SYSTEM. */
    public String userId() {
        return viewer == null ? null : viewer.getName();
    }

    @Override
    public Optional<ApiTokenCredential> ownCredential(String workspace) {
        return own().stream()
                .filter(c -> workspace.equals(c.getWorkspace()))
                .findFirst()
                .flatMap(c -> {
                    try {
                        return Optional.of(ApiTokenCredential.of(c.getWorkspace(), c.getEmail(), c.getApiToken().getPlainText()));
                    } catch (InvalidInputException e) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public String whyNot(String workspace) {
        return viewer == null ? UseCaseTexts.anonymous(workspace) : UseCaseTexts.noCredential(workspace);
    }
}
