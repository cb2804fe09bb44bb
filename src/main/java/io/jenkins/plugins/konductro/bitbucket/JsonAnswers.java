package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Response;

/**
 * Bitbucket's JSON answers as records, each turned into the type Konductro uses. Only the fields Konductro reads are
 * declared; a missing one is null (a missing id 0), and a number or boolean where text is expected is read as its text.
 */
final class JsonAnswers {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAnswers() {}

    static <T> T read(Response response, Class<T> type) throws IOException {
        return read(response, MAPPER.constructType(type));
    }

    /** A page of a list, whose values are {@code valueType}. */
    static JavaType pageOf(Class<?> valueType) {
        return MAPPER.getTypeFactory().constructParametricType(Page.class, valueType);
    }

    /** An empty answer or a JSON null reads as an object without fields. */
    static <T> T read(Response response, JavaType type) throws IOException {
        try (InputStream in = response.body().byteStream(); JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            return first == null || first == JsonToken.VALUE_NULL ? MAPPER.readValue("{}", type) : MAPPER.readValue(parser, type);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> values, String next) {
        List<T> valuesOrNone() {
            return values == null ? List.of() : values;
        }

        Optional<T> first() {
            return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserJson(
            String uuid,
            @JsonProperty("account_id") String accountId,
            @JsonProperty("display_name") String displayName,
            String nickname) {
        BitbucketUser toUser() {
            return new BitbucketUser(uuid, accountId, displayName, nickname);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PermissionJson(String permission, UserJson user) {
        /** The member is left out when the answer does not name the account. */
        WorkspacePermission toPermission(String workspace) {
            return new WorkspacePermission(workspace, permission, user == null || user.uuid() == null ? null : user.toUser());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RepositoryJson(String slug, @JsonProperty("mainbranch") NameJson mainBranch) {
        String mainBranchName() {
            return mainBranch == null ? null : mainBranch.name();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NameJson(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommitJson(String hash) {
        static String hashOf(CommitJson commit) {
            return commit == null ? null : commit.hash();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BranchJson(String name, CommitJson target) {
        Branch toBranch() {
            return new Branch(name, CommitJson.hashOf(target));
        }
    }

    /** A pull request's source or destination. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EndJson(NameJson branch) {
        static String branchOf(EndJson end) {
            return end == null || end.branch() == null ? null : end.branch().name();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountJson(String uuid) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinksJson(HrefJson html) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HrefJson(String href) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PullRequestJson(
            long id,
            String title,
            String state,
            LinksJson links,
            EndJson source,
            EndJson destination,
            @JsonProperty("updated_on") String updatedOn,
            @JsonProperty("merge_commit") CommitJson mergeCommit,
            AccountJson author,
            List<AccountJson> reviewers) {
        PullRequest toPullRequest() {
            String page = links == null || links.html() == null ? null : links.html().href();
            return new PullRequest(id, title, state, RepositoryRef.webLinkOrNull(page), EndJson.branchOf(source),
                    EndJson.branchOf(destination), updatedOn, CommitJson.hashOf(mergeCommit),
                    author == null ? null : author.uuid(),
                    reviewers == null ? List.of() : reviewers.stream().filter(Objects::nonNull).map(AccountJson::uuid).toList());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskJson(long id, String state, ContentJson content) {
        PullRequestTask toTask() {
            return new PullRequestTask(id, content == null ? null : content.raw(), "RESOLVED".equals(state));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentJson(String raw) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DefaultReviewerJson(@JsonProperty("reviewer_type") String reviewerType, UserJson user) {
        DefaultReviewer toDefaultReviewer() {
            return user == null ? new DefaultReviewer(null, null, reviewerType)
                    : new DefaultReviewer(user.uuid(), user.displayName(), reviewerType);
        }
    }
}
