package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What Konductro does in Bitbucket Cloud, as the developer who asked. Every input is checked before the
 * first call, and every operation can be rerun after a failure: it reads what is already there and finishes
 * the job instead of doing it twice. Holds the client and the caches; each operation is done by its own class.
 */
public final class KonductroOperations {
    public static final int MAX_SPEC_BYTES = 1024 * 1024;
    static final int MAX_COMMIT_ATTEMPTS = SpecPush.MAX_COMMIT_ATTEMPTS;

    /** How long a repository's main branch name is trusted before it is read again. */
    public static final Duration DEFAULT_MAIN_BRANCH_TTL = Duration.ofMinutes(10);
    /** How long a verified token is trusted before it is verified again. */
    public static final Duration DEFAULT_VERIFICATION_TTL = Duration.ofMinutes(10);
    /** How long a refused token is refused without asking again: one save (which Jenkins binds twice) asks once. */
    static final Duration REFUSAL_TTL = Duration.ofSeconds(15);
    /** How long a failure to reach Bitbucket is repeated: the two bindings of one save, not the user's next try. */
    static final Duration UNREACHABLE_TTL = Duration.ofSeconds(2);
    /** Main-branch names of the repositories used most recently (a name is re-read after its lifetime anyway). */
    static final int MAX_MAIN_BRANCHES = 1_000;

    private final BitbucketClient client;
    private final MainBranches mainBranches;
    private final RepositoryListings listings;

    private final CredentialVerification credentials;
    private final BranchStart branches;
    private final SpecPush specs;
    private final PullRequestOpening opening;
    private final AcceptanceCriteriaTasks tasks;
    private final PullRequestReads reads;

    public KonductroOperations(BitbucketClient client) {
        this(client, DEFAULT_MAIN_BRANCH_TTL);
    }

    public KonductroOperations(BitbucketClient client, Duration mainBranchTtl) {
        this(client, mainBranchTtl, DEFAULT_VERIFICATION_TTL);
    }

    public KonductroOperations(BitbucketClient client, Duration mainBranchTtl, Duration verificationTtl) {
        this(client, mainBranchTtl, verificationTtl, MAX_MAIN_BRANCHES);
    }

    KonductroOperations(BitbucketClient client, Duration mainBranchTtl, Duration verificationTtl, int maxMainBranches) {
        this.client = client;
        this.mainBranches = new MainBranches(client, mainBranchTtl, maxMainBranches);
        this.listings = new RepositoryListings(client);
        this.credentials = new CredentialVerification(client, new VerificationCache(verificationTtl,
                min(verificationTtl, REFUSAL_TTL), min(verificationTtl, UNREACHABLE_TTL)));
        this.branches = new BranchStart(client, mainBranches);
        this.specs = new SpecPush(client);
        this.opening = new PullRequestOpening(client);
        this.tasks = new AcceptanceCriteriaTasks(client);
        this.reads = new PullRequestReads(client);
    }

    /**
     * The slugs of the repositories in the credential's workspace that the credential's account is a member of, as a
     * settings form offers them to the Jenkins user {@code user} whose credential it is; kept for a short time per
     * user and workspace. The list may miss repositories a read-only account can still use.
     */
    public List<String> repositoriesToLink(String user, ApiTokenCredential credential) throws IOException {
        return listings.slugs(user, credential);
    }

    /** Whether {@code repository} exists and the credential's account may see it: one request. */
    public boolean repositoryVisible(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        SameWorkspace.require(credential, repository);
        return client.repositorySlug(credential, repository).isPresent();
    }

    /** Checks raw form values, then {@link #verifyCredential(ApiTokenCredential)}; bad input names its field. */
    public CredentialCheck verifyCredential(String workspace, String email, String token) throws InterruptedIOException {
        return credentials.verify(workspace, email, token);
    }

    /**
     * Who the token authenticates and their role in its workspace, from one request: the membership answer
     * ({@code GET /user/workspaces/{ws}/permission}, scope {@code read:workspace:bitbucket}) names the member. Only an
     * answer without the account costs a second request, {@code GET /user}. Answers are kept for a while
     * ({@link VerificationCache}): a token is verified at most once per lifetime.
     */
    public CredentialCheck verifyCredential(ApiTokenCredential credential) throws InterruptedIOException {
        return credentials.verify(credential);
    }

    /**
     * Creates the branch (default {@code feature/<TICKET>-<summary>}) from its base (a branch or a full SHA;
     * default the main branch). A branch that already exists is returned with {@code created=false}.
     */
    public BranchResult startBranch(Developer developer, NewBranch request) throws IOException {
        return branches.start(developer, request);
    }

    /**
     * Writes {@code .tickets/<TICKET>.md} on the request's branch as the developer, on top of the head it read. The
     * same content makes no commit. When the branch moves meanwhile (409) it reads again and retries, a
     * bounded number of times, but stops if the spec itself was changed by someone else.
     */
    public SpecResult pushSpec(Developer developer, SpecUpdate request) throws IOException {
        return specs.push(developer, request);
    }

    /**
     * Opens a pull request from the draft's source branch, or returns the one already open ({@code created=false}). The
     * description ends with the acceptance criteria as a checklist. Reviewers Bitbucket refuses are left off
     * and reported; the author is never a reviewer.
     */
    public PullRequestResult openPullRequest(Developer developer, PullRequestDraft draft) throws IOException {
        return opening.open(developer, draft);
    }

    /**
     * The pull requests with these ids as a list page shows them, for people looking at builds: one request per 50
     * ids, with the viewer's own credential. Ids Bitbucket does not answer for are missing from the result.
     */
    public Map<Long, PullRequestStatus> pullRequestStates(ApiTokenCredential viewer, RepositoryRef repository,
            Collection<Long> ids) throws IOException {
        return reads.states(viewer, repository, ids);
    }

    /** The state of the pull request with the lookup's id, or of the latest one from its source branch. */
    public PullRequestStatus pullRequestStatus(Developer developer, PullRequestLookup lookup) throws IOException {
        return reads.status(developer, lookup);
    }

    /**
     * Makes each acceptance criterion a task of the pull request, in order, unless a task with its text is there
     * already: one request to list the tasks (per 100 of them; none for a pull request created just now, which has
     * none) and one per task created. Never deletes, edits or reopens a task, so running it again after a failure
     * creates only what is missing.
     *
     * @param createdNow whether the pull request was created by this run (then it has no task yet)
     * @throws TasksIncomplete when Bitbucket refuses the list or a task: the message says which were created and
     *         which remain
     */
    public AcceptanceTasks acceptanceTasks(Developer developer, RepositoryRef repository, long pullRequestId,
            List<String> criteria, boolean createdNow) throws IOException {
        return tasks.create(developer, repository, pullRequestId, criteria, createdNow);
    }

    /** How many of the pull request's tasks are resolved, and which are open: one request per 100 tasks. */
    public AcceptanceProgress acceptanceProgress(Developer developer, RepositoryRef repository, long pullRequestId)
            throws IOException {
        return acceptanceProgress(SameWorkspace.credentialOf(developer, repository), repository, pullRequestId);
    }

    /** The same, for people looking at a build: with the viewer's own credential. */
    public AcceptanceProgress acceptanceProgress(ApiTokenCredential viewer, RepositoryRef repository, long pullRequestId)
            throws IOException {
        return tasks.progress(viewer, repository, pullRequestId);
    }

    /** How many main-branch names are kept (tests). */
    int mainBranchesKept() {
        return mainBranches.kept();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
