package io.jenkins.plugins.konductro.demo;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import io.jenkins.plugins.konductro.operations.AcceptanceTasks;
import io.jenkins.plugins.konductro.operations.BranchResult;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.NewBranch;
import io.jenkins.plugins.konductro.operations.PullRequestDraft;
import io.jenkins.plugins.konductro.operations.PullRequestLookup;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import io.jenkins.plugins.konductro.operations.SpecResult;
import io.jenkins.plugins.konductro.operations.SpecUpdate;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.usecases.UseCaseTexts;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shows what the plugin does, without Jenkins.
 * <ul>
 *   <li>no arguments: starts the Bitbucket Cloud sandbox (workspace acme-team, repository widgets, developers alice
 *   and bob) and runs verify → start branch → push spec → open PR (bob reviewing) → PR status as alice;</li>
 *   <li>{@code verify}: checks the token in KONDUCTRO_EMAIL / KONDUCTRO_TOKEN against KONDUCTRO_WORKSPACE on
 *   KONDUCTRO_API_URL (default Bitbucket Cloud);</li>
 *   <li>{@code flow <workspace/repo> <TICKET> [reviewer-uuid...]}: the four operations against that repository,
 *   with the same environment. This creates a real branch, commit and pull request.</li>
 * </ul>
 */
public final class KonductroDemo {
    private static final String SAMPLE_SPEC = """
            # %s: Export widgets as CSV

            Users can download the widget list as a CSV file from the list page.
            """;
    private static final List<String> SAMPLE_CRITERIA = List.of(
            "The list page has an Export CSV button", "The file has one row per widget", "Large lists stream without timeouts");

    private final PrintStream out;

    KonductroDemo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int status = new KonductroDemo(System.out).run(args, System.getenv());
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(String[] args, Map<String, String> env) throws Exception {
        if (args.length == 0 || args[0].equals("sandbox")) {
            try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
                out.println("Bitbucket Cloud sandbox at " + sandbox.apiUrl() + " (workspace acme-team, repository widgets)");
                BitbucketClient client = BitbucketClient.builder().apiUrl(sandbox.apiUrl()).build();
                ApiTokenCredential bob = ApiTokenCredential.of("acme-team", "bob@acme.test", sandbox.demoToken("bob"));
                CredentialCheck bobCheck = new KonductroOperations(client).verifyCredential(bob);
                out.println("bob's credential: " + bobCheck.summary());
                ApiTokenCredential alice = ApiTokenCredential.of("acme-team", "alice@acme.test", sandbox.demoToken("alice"));
                // In the sandbox, bob resolves the first task before the status is read, as a reviewer would.
                return flow(client, alice, RepositoryRef.of("acme-team", "widgets"), "KON-42", List.of(bobCheck.accountUuid()),
                        id -> sandbox.setTaskState("acme-team", "widgets", id, SAMPLE_CRITERIA.get(0), true));
            }
        }
        String email = env.get("KONDUCTRO_EMAIL");
        String token = env.get("KONDUCTRO_TOKEN");
        String workspace = env.get("KONDUCTRO_WORKSPACE");
        if (email == null || token == null || (workspace == null && args[0].equals("verify"))) {
            out.println("Set KONDUCTRO_EMAIL, KONDUCTRO_TOKEN and KONDUCTRO_WORKSPACE (and KONDUCTRO_API_URL for another API root).");
            return 2;
        }
        BitbucketClient client = BitbucketClient.builder()
                .apiUrl(env.getOrDefault("KONDUCTRO_API_URL", BitbucketClient.DEFAULT_API_URL)).build();
        switch (args[0]) {
            case "verify" -> {
                CredentialCheck check = new KonductroOperations(client).verifyCredential(workspace, email, token);
                out.println(check.summary());
                return check.valid() ? 0 : 1;
            }
            case "flow" -> {
                if (args.length < 3) {
                    out.println("Usage: flow <workspace/repo> <TICKET> [reviewer-uuid...]");
                    return 2;
                }
                RepositoryRef repository = RepositoryRef.parse(args[1]);
                ApiTokenCredential credential = ApiTokenCredential.of(repository.workspace(), email, token);
                return flow(client, credential, repository, args[2], Arrays.asList(args).subList(3, args.length));
            }
            default -> {
                out.println("Unknown command '" + args[0] + "'. Use no argument (sandbox), verify, or flow.");
                return 2;
            }
        }
    }

    private int flow(BitbucketClient client, ApiTokenCredential credential, RepositoryRef repository, String ticket,
            List<String> reviewers) throws Exception {
        return flow(client, credential, repository, ticket, reviewers, id -> { });
    }

    private int flow(BitbucketClient client, ApiTokenCredential credential, RepositoryRef repository, String ticket,
            List<String> reviewers, java.util.function.LongConsumer meanwhile) throws Exception {
        KonductroOperations operations = new KonductroOperations(client);
        CredentialCheck check = operations.verifyCredential(credential);
        out.println("1. verify        " + check.summary());
        if (!check.valid()) {
            return 1;
        }
        Developer developer = new Developer(credential, check.displayName(), check.accountUuid());
        BranchResult branch = operations.startBranch(developer, NewBranch.of(repository, ticket)
                .withSummary("Export widgets as CSV"));
        out.println("2. start branch  " + branch.branch() + " at " + branch.commit() + (branch.created() ? " (created)" : " (already there)")
                + "\n                  " + branch.url());
        SpecResult spec = operations.pushSpec(developer, SpecUpdate.of(repository, ticket, branch.branch(), SAMPLE_SPEC.formatted(ticket)));
        out.println("3. push spec     " + spec.path() + " in " + spec.commit() + (spec.changed() ? " (committed)" : " (unchanged)")
                + "\n                  " + spec.url());
        PullRequestResult pr = operations.openPullRequest(developer, PullRequestDraft.of(repository, ticket, branch.branch())
                .withDescription("Adds CSV export to the widget list.").withAcceptanceCriteria(SAMPLE_CRITERIA)
                .withReviewers(reviewers).withCloseSourceBranch(true));
        out.println("4. open PR       #" + pr.id() + " " + pr.state() + (pr.created() ? " (opened)" : " (already open)")
                + ", reviewers " + pr.reviewersAdded() + (pr.reviewersSkipped().isEmpty() ? "" : ", skipped " + pr.reviewersSkipped())
                + "\n                  " + pr.url());
        AcceptanceTasks tasks = operations.acceptanceTasks(developer, repository, pr.id(), SAMPLE_CRITERIA, pr.created());
        out.println("5. tasks         " + tasks.created().size() + " created, " + tasks.existing().size()
                + " already there: " + SAMPLE_CRITERIA);
        meanwhile.accept(pr.id());
        PullRequestStatus status = operations.pullRequestStatus(developer, PullRequestLookup.byId(repository, pr.id()));
        AcceptanceProgress progress = operations.acceptanceProgress(developer, repository, pr.id());
        out.println("6. PR status     #" + status.id() + " " + status.state() + " \"" + status.title() + "\" updated "
                + status.updatedOn() + (status.mergeCommit() == null ? "" : ", merged as " + status.mergeCommit())
                + "\n                  " + UseCaseTexts.criteriaResolved(progress.resolved(), progress.total())
                + (progress.open().isEmpty() ? "" : "; open: " + progress.open()));
        return 0;
    }
}
