package io.jenkins.plugins.konductro.pages;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import io.jenkins.plugins.konductro.usecases.UseCaseTexts;
import okhttp3.HttpUrl;

/**
 * A pull request as a page first shows it, before the page's script asks for the live state. A class with getters,
 * not a record: Jenkins' expression language (JEXL 1.1) reads {@code ${pr.key}} through {@code getKey()} only.
 * {@code stateClass} is the state for a CSS class ({@code open}, {@code merged}, …); {@code branchUrl} and
 * {@code specUrl} are {@code null} when unknown; so is {@code progress} ("3 of 5 acceptance criteria resolved") for a
 * pull request whose tasks the build did not read.
 */
public final class PullRequestView {
    private final String key;
    private final String repository;
    private final long id;
    private final String title;
    private final String state;
    private final String stateClass;
    private final String url;
    private final String checked;
    private final String ticket;
    private final String branch;
    private final String branchUrl;
    private final String specCommit;
    private final String specUrl;
    private final boolean isFinal;
    private final String progress;

    public PullRequestView(String key, String repository, long id, String title, String state, String stateClass,
            String url, String checked, String ticket, String branch, String branchUrl, String specCommit, String specUrl,
            boolean isFinal, String progress) {
        this.key = key;
        this.repository = repository;
        this.id = id;
        this.title = title;
        this.state = state;
        this.stateClass = stateClass;
        this.url = url;
        this.checked = checked;
        this.ticket = ticket;
        this.branch = branch;
        this.branchUrl = branchUrl;
        this.specCommit = specCommit;
        this.specUrl = specUrl;
        this.isFinal = isFinal;
        this.progress = progress;
    }

    public String getKey() {
        return key;
    }

    public String getRepository() {
        return repository;
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getState() {
        return state;
    }

    public String getStateClass() {
        return stateClass;
    }

    public String getUrl() {
        return url;
    }

    public String getChecked() {
        return checked;
    }

    public String getTicket() {
        return ticket;
    }

    public String getBranch() {
        return branch;
    }

    public String getBranchUrl() {
        return branchUrl;
    }

    public String getSpecCommit() {
        return specCommit;
    }

    public String getSpecUrl() {
        return specUrl;
    }

    public boolean isFinal() {
        return isFinal;
    }

    public String getProgress() {
        return progress;
    }

    /** "3 of 5 acceptance criteria resolved", or {@code null} when the pull request's tasks are not known. */
    static String progress(RecordedPullRequest pr) {
        return pr.tasksTotal() == null || pr.tasksTotal() == 0 ? null
                : UseCaseTexts.criteriaResolved(pr.tasksResolved(), pr.tasksTotal());
    }

    static PullRequestView of(RecordedPullRequest pr, BuildRecord record, long nowMillis) {
        RepositoryRef repository = RepositoryRef.parse(pr.repository());
        String spec = null;
        if (pr.ticket() != null) {
            spec = record.specCommitFor(repository, TicketKey.of(pr.ticket())).orElse(null);
        }
        return new PullRequestView(pr.key(), pr.repository(), pr.id(), pr.title(), pr.state(),
                pr.state() == null ? "unknown" : pr.state().toLowerCase(java.util.Locale.ROOT), RepositoryRef.webLinkOrNull(pr.url()),
                Ages.checked(nowMillis - pr.checkedAtMillis()), pr.ticket(), pr.branch(),
                pr.branch() == null ? null : page(repository, "branch/" + pr.branch()),
                spec == null ? null : spec.substring(0, Math.min(12, spec.length())),
                spec == null ? null : page(repository, "src/" + spec + "/" + TicketKey.of(pr.ticket()).specPath()),
                pr.isFinal(), progress(pr));
    }

    private static String page(RepositoryRef repository, String path) {
        return HttpUrl.get(repository.webUrl()).newBuilder().addPathSegments(path).build().toString();
    }
}
