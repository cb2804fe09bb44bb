package io.jenkins.plugins.konductro.build;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import okhttp3.HttpUrl;

/**
 * A pull request as a page first shows it, before the page's script asks for the live state.
 *
 * @param stateClass the state for a CSS class: {@code open}, {@code merged}, {@code declined}, {@code superseded}
 * @param branchUrl  the source branch on bitbucket.org, or {@code null}
 * @param specUrl    the ticket's spec at the commit this build pushed, or {@code null}
 */
public record PullRequestView(String key, String repository, long id, String title, String state, String stateClass,
        String url, String checked, String ticket, String branch, String branchUrl, String specCommit, String specUrl,
        boolean isFinal) {

    static PullRequestView of(RecordedPullRequest pr, BuildRecord record, long nowMillis) {
        RepositoryRef repository = RepositoryRef.parse(pr.repository());
        String spec = null;
        if (pr.ticket() != null) {
            spec = record.specCommitFor(repository, TicketKey.of(pr.ticket())).orElse(null);
        }
        return new PullRequestView(pr.key(), pr.repository(), pr.id(), pr.title(), pr.state(),
                pr.state() == null ? "unknown" : pr.state().toLowerCase(java.util.Locale.ROOT), pr.url(),
                Ages.checked(nowMillis - pr.checkedAtMillis()), pr.ticket(), pr.branch(),
                pr.branch() == null ? null : page(repository, "branch/" + pr.branch()),
                spec == null ? null : spec.substring(0, Math.min(12, spec.length())),
                spec == null ? null : page(repository, "src/" + spec + "/" + TicketKey.of(pr.ticket()).specPath()),
                pr.isFinal());
    }

    private static String page(RepositoryRef repository, String path) {
        return HttpUrl.get(repository.webUrl()).newBuilder().addPathSegments(path).build().toString();
    }
}
