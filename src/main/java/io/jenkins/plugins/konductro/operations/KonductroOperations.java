package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.PullRequestTask;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.BitbucketUser;
import io.jenkins.plugins.konductro.bitbucket.Branch;
import io.jenkins.plugins.konductro.bitbucket.FileCommit;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.NewPullRequest;
import io.jenkins.plugins.konductro.bitbucket.PullRequest;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.bitbucket.WorkspacePermission;
import io.jenkins.plugins.konductro.operations.CredentialCheck.Field;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * What Konductro does in Bitbucket Cloud, as the developer who asked. Every input is checked before the
 * first call, and every operation can be rerun after a failure: it reads what is already there and finishes
 * the job instead of doing it twice.
 */
public final class KonductroOperations {
    public static final int MAX_SPEC_BYTES = 1024 * 1024;
    static final int MAX_COMMIT_ATTEMPTS = 3;
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern ACCOUNT_UUID = Pattern.compile("\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?");

    /** How long a repository's main branch name is trusted before it is read again. */
    public static final Duration DEFAULT_MAIN_BRANCH_TTL = Duration.ofMinutes(10);
    /** How long a verified token is trusted before it is verified again. */
    public static final Duration DEFAULT_VERIFICATION_TTL = Duration.ofMinutes(10);
    /** How long a refused token is refused without asking again: one save (which Jenkins binds twice) asks once. */
    static final Duration REFUSAL_TTL = Duration.ofSeconds(15);
    /** How long a failure to reach Bitbucket is repeated: the two bindings of one save, not the user's next try. */
    static final Duration UNREACHABLE_TTL = Duration.ofSeconds(2);

    private final BitbucketClient client;
    private final Duration mainBranchTtl;
    /** Main-branch names of the repositories used most recently (a name is re-read after its lifetime anyway). */
    static final int MAX_MAIN_BRANCHES = 1_000;
    private final BoundedMap<RepositoryRef, CachedName> mainBranches;
    private final VerificationCache verifications;
    private final RepositoryListings listings;

    private record CachedName(String name, long readAtNanos) {}

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
        this.mainBranchTtl = mainBranchTtl;
        this.mainBranches = new BoundedMap<>(maxMainBranches);
        this.verifications = new VerificationCache(verificationTtl, min(verificationTtl, REFUSAL_TTL),
                min(verificationTtl, UNREACHABLE_TTL));
        this.listings = new RepositoryListings(client);
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
        requireSameWorkspace(credential, repository);
        return client.repositorySlug(credential, repository).isPresent();
    }

    /** Checks raw form values, then {@link #verifyCredential(ApiTokenCredential)}; bad input names its field. */
    public CredentialCheck verifyCredential(String workspace, String email, String token) throws InterruptedIOException {
        try {
            BitbucketInputs.workspaceSlug(workspace);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.WORKSPACE, e.getMessage());
        }
        try {
            BitbucketInputs.email(email);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.EMAIL, e.getMessage());
        }
        try {
            BitbucketInputs.apiToken(token);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.TOKEN, e.getMessage());
        }
        return verifyCredential(ApiTokenCredential.of(workspace, email, token));
    }

    /**
     * Who the token authenticates and their role in its workspace, from one request: the membership answer
     * ({@code GET /user/workspaces/{ws}/permission}, scope {@code read:workspace:bitbucket}) names the member. Only an
     * answer without the account costs a second request, {@code GET /user}. Answers are kept for a while
     * ({@link VerificationCache}): a token is verified at most once per lifetime.
     */
    public CredentialCheck verifyCredential(ApiTokenCredential credential) throws InterruptedIOException {
        return verifications.verify(credential, this::askBitbucket);
    }

    private CredentialCheck askBitbucket(ApiTokenCredential credential) throws InterruptedIOException {
        try {
            WorkspacePermission membership = client.workspacePermission(credential, credential.workspace());
            BitbucketUser member = membership.member();
            if (member == null) {
                try {
                    member = client.currentUser(credential);
                } catch (BitbucketException.MissingScope e) {
                    return CredentialCheck.failed(Field.TOKEN, "Bitbucket Cloud's membership answer for "
                            + credential.workspace() + " did not name the account, and reading it (GET /user) needs "
                            + "read:account or read:user:bitbucket, which the API token of " + credential.email() + " lacks. "
                            + "Create a new API token with scopes that includes one of them (scopes cannot be added to an "
                            + "existing token).");
                }
            }
            return CredentialCheck.passed(member.uuid(), member.displayName(), membership.workspace(), membership.permission());
        } catch (BitbucketException.AccessDenied | BitbucketException.NotFound e) {
            return CredentialCheck.failed(Field.WORKSPACE, credential.email() + " has no access to the workspace '"
                    + credential.workspace() + "'. Check the workspace slug (the part after bitbucket.org/ in your "
                    + "repository URLs) and that you are a member of it.");
        } catch (BitbucketException.AuthenticationFailed e) {
            return CredentialCheck.failed(Field.TOKEN, "Wrong e-mail or API token: " + e.getMessage());
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return CredentialCheck.failed(e instanceof BitbucketException.MissingScope ? Field.TOKEN : null, e.getMessage());
        }
    }

    /**
     * Creates the branch (default {@code feature/<TICKET>-<summary>}) from its base (a branch or a full SHA;
     * default the main branch). A branch that already exists is returned with {@code created=false}.
     */
    public BranchResult startBranch(Developer developer, NewBranch request) throws IOException {
        TicketKey key = TicketKey.of(request.ticket());
        RepositoryRef repository = request.repository();
        String name = request.name() == null || request.name().isBlank()
                ? BranchNames.defaultName(key, request.summary()) : BranchNames.requireValid(request.name(), "Branch");
        String base = request.from() == null || request.from().isBlank()
                ? null : BranchNames.requireValid(request.from(), "Base branch (from)");
        ApiTokenCredential credential = credentialFor(developer, repository);

        Branch main = base == null ? mainBranchHead(credential, repository) : null;
        String baseHash = main != null ? main.hash() : resolveBase(credential, repository, base);
        String mainName = main == null ? null : main.name();
        for (int attempt = 1; ; attempt++) {
            try {
                return branchResult(repository, client.createBranch(credential, repository, name, baseHash), true, mainName);
            } catch (BitbucketException.BadRequest | BitbucketException.Conflict | BitbucketException.NoAnswer e) {
                // Bitbucket does not document its answer for an existing name, and a lost answer may hide a
                // success: the branch itself decides. One found at our base after a lost answer is taken as ours.
                Optional<Branch> existing = client.branch(credential, repository, name);
                if (existing.isPresent()) {
                    boolean ours = e instanceof BitbucketException.NoAnswer && existing.get().hash().equals(baseHash);
                    return branchResult(repository, existing.get(), ours, mainName);
                }
                if (!(e instanceof BitbucketException.NoAnswer) || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes {@code .tickets/<TICKET>.md} on the request's branch as the developer, on top of the head it read. The
     * same content makes no commit. When the branch moves meanwhile (409) it reads again and retries, a
     * bounded number of times, but stops if the spec itself was changed by someone else.
     */
    public SpecResult pushSpec(Developer developer, SpecUpdate request) throws IOException {
        TicketKey key = TicketKey.of(request.ticket());
        RepositoryRef repository = request.repository();
        String branchName = BranchNames.requireValid(request.branch(), "Branch");
        byte[] spec = requireSpec(request.content());
        String message = request.message();
        ApiTokenCredential credential = credentialFor(developer, repository);
        String path = key.specPath();

        byte[] specWeStartedFrom = null;
        String lastParent = null;
        boolean mayHaveCommitted = false;
        for (int attempt = 1; ; attempt++) {
            Branch head = client.branch(credential, repository, branchName).orElseThrow(() -> new BitbucketException.NotFound(
                    "Branch '" + branchName + "' does not exist in " + repository.fullName() + ". Start it first "
                            + "(konductroStartBranch)."));
            byte[] current = client.readFile(credential, repository, head.hash(), path).orElse(null);
            if (Arrays.equals(current, spec)) {
                // Identical content: nothing to commit, unless an unanswered attempt of ours is what put it there.
                return new SpecResult(path, head.hash(), mayHaveCommitted && !head.hash().equals(lastParent),
                        fileUrl(repository, head.hash(), path));
            }
            if (lastParent != null && !Arrays.equals(current, specWeStartedFrom)) {
                throw new BitbucketException.Conflict("The spec " + path + " on '" + branchName + "' was changed by someone "
                        + "else (now at " + head.hash() + ") while Konductro was writing it. Review that change, then run "
                        + "the step again to write your version on top of it.");
            }
            specWeStartedFrom = current;
            lastParent = head.hash();
            String commitMessage = message == null || message.isBlank()
                    ? key + ": " + (current == null ? "add" : "update") + " ticket spec" : message.strip();
            FileCommit commit = new FileCommit(branchName, head.hash(), commitMessage, developer.commitAuthor(), Map.of(path, spec));
            try {
                client.commitFiles(credential, repository, commit);
            } catch (BitbucketException.Conflict | BitbucketException.NoAnswer e) {
                mayHaveCommitted |= e instanceof BitbucketException.NoAnswer;
                if (attempt >= MAX_COMMIT_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            Branch newHead = client.branch(credential, repository, branchName).orElseThrow(() -> new BitbucketException.NotFound(
                    "Branch '" + branchName + "' disappeared right after the spec was committed."));
            return new SpecResult(path, newHead.hash(), true, fileUrl(repository, newHead.hash(), path));
        }
    }

    /**
     * Opens a pull request from the draft's source branch, or returns the one already open ({@code created=false}). The
     * description ends with the acceptance criteria as a checklist. Reviewers Bitbucket refuses are left off
     * and reported; the author is never a reviewer.
     */
    public PullRequestResult openPullRequest(Developer developer, PullRequestDraft draft) throws IOException {
        TicketKey key = TicketKey.of(draft.ticket());
        RepositoryRef repository = draft.repository();
        String sourceBranch = BranchNames.requireValid(draft.sourceBranch(), "Source branch");
        String destinationBranch = draft.destination() == null || draft.destination().isBlank()
                ? null : BranchNames.requireValid(draft.destination(), "Destination branch");
        if (sourceBranch.equals(destinationBranch)) {
            throw new InvalidInputException("The source and destination branch are both '" + sourceBranch + "'.");
        }
        String body = PullRequestText.description(draft.description(), draft.acceptanceCriteria(), draft.criteriaAsTasks());
        String prTitle = PullRequestText.title(key, draft.title(), sourceBranch);
        List<SkippedReviewer> skipped = new ArrayList<>();
        List<String> reviewers = reviewers(draft.reviewerUuids(), developer.accountUuid(), skipped);
        ApiTokenCredential credential = credentialFor(developer, repository);

        Optional<PullRequest> open = client.findPullRequest(credential, repository, sourceBranch, true);
        if (open.isPresent()) {
            return pullRequestResult(open.get(), false, skipped, List.of(), null);
        }
        List<DefaultReviewer> defaults = List.of();
        String defaultsRefused = null;
        if (draft.defaultReviewers()) {
            try {
                defaults = client.effectiveDefaultReviewers(credential, repository).stream().filter(d -> d.uuid() != null).toList();
            } catch (BitbucketException.MissingScope | BitbucketException.AccessDenied | BitbucketException.NotFound e) {
                defaultsRefused = e.getMessage(); // the pull request matters more than its default reviewers
            }
        }
        NewPullRequest request = new NewPullRequest(prTitle, body, sourceBranch, destinationBranch,
                withDefaults(reviewers, defaults, developer.accountUuid()), draft.closeSourceBranch());
        try {
            Map<String, String> displayNames = new java.util.HashMap<>();
            defaults.forEach(d -> displayNames.put(d.uuid(), d.displayName()));
            return pullRequestResult(createWithAcceptedReviewers(credential, repository, request, skipped, displayNames),
                    true, skipped, defaults, defaultsRefused);
        } catch (BitbucketException.BadRequest e) {
            if (!e.bitbucketMessage().toLowerCase(Locale.ROOT).contains("no changes to be pulled")) {
                throw e;
            }
            throw new BitbucketException.BadRequest("Bitbucket Cloud refused to open a pull request from '" + sourceBranch
                    + "' into " + (destinationBranch == null ? "the main branch" : "'" + destinationBranch + "'")
                    + ": the branch has no commit beyond it yet (\"" + e.bitbucketMessage() + "\"). Commit to the branch "
                    + "first (push the ticket's spec), then open the pull request again.", e.bitbucketMessage(), e.fields());
        }
    }

    /**
     * The pull requests with these ids as a list page shows them, for people looking at builds: one request per 50
     * ids, with the viewer's own credential. Ids Bitbucket does not answer for are missing from the result.
     */
    public Map<Long, PullRequestStatus> pullRequestStates(ApiTokenCredential viewer, RepositoryRef repository,
            java.util.Collection<Long> ids) throws IOException {
        requireSameWorkspace(viewer, repository);
        Map<Long, PullRequestStatus> states = new java.util.LinkedHashMap<>();
        for (PullRequest pr : client.pullRequests(viewer, repository, ids)) {
            states.put(pr.id(), new PullRequestStatus(pr.id(), pr.state(), pr.url(), pr.title(), pr.updatedOn(), pr.mergeCommit()));
        }
        return states;
    }

    private static void requireSameWorkspace(ApiTokenCredential credential, RepositoryRef repository) {
        if (!credential.workspace().equals(repository.workspace())) {
            throw new InvalidInputException("The credential " + credential + " is for workspace '" + credential.workspace()
                    + "', but " + repository.fullName() + " is in '" + repository.workspace() + "'. Use your credential "
                    + "for that workspace.");
        }
    }

    /** The state of the pull request with the lookup's id, or of the latest one from its source branch. */
    public PullRequestStatus pullRequestStatus(Developer developer, PullRequestLookup lookup) throws IOException {
        RepositoryRef repository = lookup.repository();
        Long id = lookup.id();
        String sourceBranch = lookup.sourceBranch();
        boolean byBranch = sourceBranch != null && !sourceBranch.isBlank();
        if ((id == null) == !byBranch) {
            throw new InvalidInputException("Give either a pull request id or a source branch, not " + (byBranch ? "both" : "neither") + ".");
        }
        if (id != null && id < 1) {
            throw new InvalidInputException("Pull request id must be a positive number, not " + id + ".");
        }
        String branch = byBranch ? BranchNames.requireValid(sourceBranch, "Branch") : null;
        ApiTokenCredential credential = credentialFor(developer, repository);
        PullRequest pr = byBranch
                ? client.findPullRequest(credential, repository, branch, false).orElseThrow(() -> new BitbucketException.NotFound(
                        "No pull request from branch '" + branch + "' in " + repository.fullName() + "."))
                : client.pullRequest(credential, repository, id);
        return new PullRequestStatus(pr.id(), pr.state(), pr.url(), pr.title(), pr.updatedOn(), pr.mergeCommit());
    }

    /**
     * Creates the pull request with the reviewers Bitbucket accepts. Bitbucket refuses the whole request for one bad
     * reviewer and names people by display name, which Konductro does not know: when its answer names no UUID,
     * each reviewer is left out in turn (a refused request creates nothing). The one whose absence changes the
     * answer is to blame; when none does, the remaining reviewers are left off together.
     */
    private PullRequest createWithAcceptedReviewers(ApiTokenCredential credential, RepositoryRef repository,
            NewPullRequest request, List<SkippedReviewer> skipped, Map<String, String> displayNames) throws IOException {
        List<String> pending = request.reviewerUuids();
        BitbucketException.BadRequest known = null; // Bitbucket's answer for pending, when a probe already got it
        while (true) {
            BitbucketException.BadRequest refusal = known;
            known = null;
            if (refusal == null) {
                try {
                    return create(credential, repository, request.withReviewers(pending));
                } catch (BitbucketException.BadRequest e) {
                    if (!isAboutReviewers(e) || pending.isEmpty()) {
                        throw e;
                    }
                    refusal = e;
                }
            }
            List<String> blamed = ReviewerRefusals.named(refusal, pending, displayNames);
            if (blamed.isEmpty() && pending.size() == 1) {
                blamed = pending;
            }
            for (int i = 0; blamed.isEmpty() && i < pending.size(); i++) {
                String candidate = pending.get(i);
                try {
                    PullRequest pr = create(credential, repository, request.withReviewers(without(pending, List.of(candidate))));
                    skipped.add(new SkippedReviewer(candidate, ReviewerRefusals.reason(refusal)));
                    return pr;
                } catch (BitbucketException.BadRequest other) {
                    if (!isAboutReviewers(other)) {
                        throw other;
                    }
                    if (!other.bitbucketMessage().equals(refusal.bitbucketMessage())) {
                        blamed = List.of(candidate);
                        known = other;
                    }
                }
            }
            String reason = blamed.isEmpty() ? ReviewerRefusals.unattributed(refusal) : ReviewerRefusals.reason(refusal);
            List<String> dropped = blamed.isEmpty() ? pending : blamed;
            dropped.forEach(uuid -> skipped.add(new SkippedReviewer(uuid, reason)));
            pending = without(pending, dropped);
        }
    }

    /** {@code POST .../pullrequests}; after a lost answer, the open pull request decides whether to post again. */
    private PullRequest create(ApiTokenCredential credential, RepositoryRef repository, NewPullRequest request)
            throws IOException {
        try {
            return client.createPullRequest(credential, repository, request);
        } catch (BitbucketException.NoAnswer e) {
            Optional<PullRequest> open = client.findPullRequest(credential, repository, request.sourceBranch(), true);
            if (open.isPresent()) {
                return open.get();
            }
            return client.createPullRequest(credential, repository, request);
        }
    }

    private static List<String> without(List<String> reviewers, List<String> left) {
        return reviewers.stream().filter(uuid -> !left.contains(uuid)).toList();
    }

    private static boolean isAboutReviewers(BitbucketException.BadRequest refusal) {
        return refusal.fields().containsKey("reviewers")
                || refusal.bitbucketMessage().toLowerCase(Locale.ROOT).contains("reviewer");
    }

    private static List<String> reviewers(List<String> requested, String authorUuid, List<SkippedReviewer> skipped) {
        LinkedHashSet<String> reviewers = new LinkedHashSet<>();
        for (String raw : requested == null ? List.<String>of() : requested) {
            var match = raw == null ? null : ACCOUNT_UUID.matcher(raw.strip());
            if (match == null || !match.matches()) {
                throw new InvalidInputException("Reviewer " + BitbucketInputs.quoted(raw) + " is not a Bitbucket account UUID such as "
                        + "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}.");
            }
            reviewers.add("{" + match.group(1).toLowerCase(Locale.ROOT) + "}");
        }
        if (authorUuid != null && reviewers.remove(authorUuid.toLowerCase(Locale.ROOT))) {
            skipped.add(new SkippedReviewer(authorUuid, "is the author of the pull request"));
        }
        return List.copyOf(reviewers);
    }

    private static PullRequestResult pullRequestResult(PullRequest pr, boolean created, List<SkippedReviewer> skipped,
            List<DefaultReviewer> defaults, String defaultsRefused) {
        return new PullRequestResult(pr.id(), pr.url(), pr.state(), pr.title(), created, pr.reviewerUuids(), skipped, defaults,
                defaultsRefused);
    }

    /** The named reviewers, then the default ones that are neither named nor the author (UUIDs compared in lower case). */
    private static List<String> withDefaults(List<String> named, List<DefaultReviewer> defaults, String authorUuid) {
        LinkedHashSet<String> reviewers = new LinkedHashSet<>(named);
        for (DefaultReviewer reviewer : defaults) {
            String uuid = reviewer.uuid().toLowerCase(Locale.ROOT);
            if (!uuid.equals(authorUuid == null ? null : authorUuid.toLowerCase(Locale.ROOT))) {
                reviewers.add(uuid);
            }
        }
        return List.copyOf(reviewers);
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
        ApiTokenCredential credential = credentialFor(developer, repository);
        List<String> wanted = PullRequestText.criteria(criteria);
        List<PullRequestTask> tasks = new ArrayList<>();
        if (!createdNow) {
            try {
                tasks.addAll(client.tasks(credential, repository, pullRequestId));
            } catch (BitbucketException e) {
                throw TasksIncomplete.notListed(pullRequestId, wanted, e);
            }
        }
        java.util.Set<String> there = new java.util.HashSet<>();
        tasks.forEach(task -> there.add(task.text() == null ? "" : task.text().strip()));
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String criterion = wanted.get(i);
            if (there.contains(criterion)) {
                existing.add(criterion);
                continue;
            }
            try {
                tasks.add(client.createTask(credential, repository, pullRequestId, criterion));
            } catch (BitbucketException e) {
                throw TasksIncomplete.notCreated(pullRequestId, new AcceptanceTasks(created, existing,
                        AcceptanceProgress.of(tasks)), wanted.subList(i, wanted.size()), e);
            }
            created.add(criterion);
        }
        return new AcceptanceTasks(created, existing, AcceptanceProgress.of(tasks));
    }

    /** How many of the pull request's tasks are resolved, and which are open: one request per 100 tasks. */
    public AcceptanceProgress acceptanceProgress(Developer developer, RepositoryRef repository, long pullRequestId)
            throws IOException {
        return acceptanceProgress(credentialFor(developer, repository), repository, pullRequestId);
    }

    /** The same, for people looking at a build: with the viewer's own credential. */
    public AcceptanceProgress acceptanceProgress(ApiTokenCredential viewer, RepositoryRef repository, long pullRequestId)
            throws IOException {
        requireSameWorkspace(viewer, repository);
        return AcceptanceProgress.of(client.tasks(viewer, repository, pullRequestId));
    }

    /** How many main-branch names are kept (tests). */
    int mainBranchesKept() {
        return mainBranches.size();
    }

    /** The main branch and its head; its name comes from a cache, its head is always read. */
    private Branch mainBranchHead(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        CachedName cached = mainBranches.get(repository);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < mainBranchTtl.toNanos()) {
            Optional<Branch> head = client.branch(credential, repository, cached.name());
            if (head.isPresent()) {
                return head.get();
            }
            mainBranches.remove(repository, cached); // deleted or renamed since it was read
        }
        String main = client.mainBranch(credential, repository);
        mainBranches.put(repository, new CachedName(main, System.nanoTime()));
        return client.branch(credential, repository, main).orElseThrow(() -> new BitbucketException.NotFound(
                "The main branch '" + main + "' of " + repository.fullName() + " has no commits."));
    }

    private String resolveBase(ApiTokenCredential credential, RepositoryRef repository, String base) throws IOException {
        if (FULL_SHA.matcher(base).matches()) {
            return base;
        }
        return client.branch(credential, repository, base).orElseThrow(() -> new BitbucketException.NotFound(
                "Base branch '" + base + "' does not exist in " + repository.fullName() + " (or is not visible to you).")).hash();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static ApiTokenCredential credentialFor(Developer developer, RepositoryRef repository) {
        requireSameWorkspace(developer.credential(), repository);
        return developer.credential();
    }

    private static byte[] requireSpec(byte[] markdown) {
        if (markdown == null || markdown.length == 0) {
            throw new InvalidInputException("The spec is empty.");
        }
        if (markdown.length > MAX_SPEC_BYTES) {
            throw new InvalidInputException("The spec is " + markdown.length + " bytes; the limit is 1 MiB (" + MAX_SPEC_BYTES
                    + " bytes). Keep large attachments out of the ticket spec.");
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(markdown));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The spec is not valid UTF-8 text. Save it as UTF-8 and try again.");
        }
        if (new String(markdown, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidInputException("The spec is only white space. Give the ticket's spec as Markdown text.");
        }
        return markdown.clone();
    }

    private static BranchResult branchResult(RepositoryRef repository, Branch branch, boolean created, String mainBranch) {
        return new BranchResult(branch.name(), branch.hash(), created, webUrl(repository, "branch/" + branch.name()),
                mainBranch);
    }

    private static String fileUrl(RepositoryRef repository, String commit, String path) {
        return webUrl(repository, "src/" + commit + "/" + path);
    }

    /** A page of the repository on bitbucket.org; each segment of {@code path} is percent-encoded as needed. */
    private static String webUrl(RepositoryRef repository, String path) {
        return HttpUrl.get(repository.webUrl()).newBuilder().addPathSegments(path).build().toString();
    }
}
