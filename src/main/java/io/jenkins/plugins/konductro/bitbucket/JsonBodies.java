package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What Konductro posts to Bitbucket as JSON, field for field in the order it is sent. */
final class JsonBodies {
    private JsonBodies() {}

    /** {@code POST .../refs/branches}. */
    record NewBranch(String name, Target target) {
        NewBranch(String name, String hash) {
            this(name, new Target(hash));
        }
    }

    record Target(String hash) {}

    /** {@code POST .../pullrequests}: no description or destination when there is none, no reviewers when empty. */
    record NewPullRequestBody(
            String title,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
            End source,
            @JsonInclude(JsonInclude.Include.NON_NULL) End destination,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Account> reviewers,
            @JsonProperty("close_source_branch") boolean closeSourceBranch) {

        static NewPullRequestBody of(NewPullRequest pr) {
            End destination = pr.destinationBranch() == null ? null : new End(pr.destinationBranch());
            return new NewPullRequestBody(pr.title(), pr.description(), new End(pr.sourceBranch()), destination,
                    pr.reviewerUuids().stream().map(Account::new).toList(), pr.closeSourceBranch());
        }
    }

    record End(Name branch) {
        End(String branch) {
            this(new Name(branch));
        }
    }

    record Name(String name) {}

    record Account(String uuid) {}

    /** {@code POST .../pullrequests/{id}/tasks}. */
    record NewTask(Content content) {
        NewTask(String text) {
            this(new Content(text));
        }
    }

    record Content(String raw) {}
}
