package io.jenkins.plugins.konductro.bitbucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.DefaultReviewerJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.Page;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.PermissionJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.PullRequestJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.TaskJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.UserJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonAnswersTest {

    @Test
    void aPullRequestIsReadWithBitbucketsNamesAndNestedFields() throws Exception {
        PullRequest pr = JsonAnswers.read(Answers.json(200, """
                {"type": "pullrequest", "id": 7, "title": "KON-42: spec", "state": "MERGED",
                 "author": {"uuid": "{a}", "display_name": "Ada"},
                 "source": {"branch": {"name": "feature/KON-42"}, "commit": {"hash": "0123"}},
                 "destination": {"branch": {"name": "main"}},
                 "merge_commit": {"hash": "abc123"}, "updated_on": "2026-06-01T10:00:00+00:00",
                 "reviewers": [{"uuid": "{r1}"}, {"uuid": "{r2}"}],
                 "links": {"html": {"href": "https://bitbucket.org/acme/widgets/pull-requests/7"}}}"""),
                PullRequestJson.class).toPullRequest();
        assertEquals(new PullRequest(7, "KON-42: spec", "MERGED", "https://bitbucket.org/acme/widgets/pull-requests/7",
                "feature/KON-42", "main", "2026-06-01T10:00:00+00:00", "abc123", "{a}", List.of("{r1}", "{r2}")), pr);
    }

    @Test
    void missingFieldsAreNullAMissingIdZeroAndALinkElsewhereIsDropped() throws Exception {
        PullRequest pr = JsonAnswers.read(Answers.json(200, """
                {"title": "t", "merge_commit": null, "links": {"html": {"href": "https://evil.example/x"}}}"""),
                PullRequestJson.class).toPullRequest();
        assertEquals(new PullRequest(0, "t", null, null, null, null, null, null, null, List.of()), pr);
    }

    @Test
    void numbersAndBooleansWhereTextIsExpectedAreReadAsTheirText() throws Exception {
        BitbucketUser user = JsonAnswers.read(Answers.json(200, """
                {"uuid": 5, "account_id": 1.5, "display_name": true, "nickname": null, "links": {"avatar": {}}}"""),
                UserJson.class).toUser();
        assertEquals(new BitbucketUser("5", "1.5", "true", null), user);
    }

    @Test
    void aNullAmongTheReviewersIsLeftOut() throws Exception {
        PullRequest pr = JsonAnswers.read(Answers.json(200, """
                {"id": 3, "reviewers": [null, {"uuid": "{r1}"}]}"""), PullRequestJson.class).toPullRequest();
        assertEquals(List.of("{r1}"), pr.reviewerUuids());
    }

    @Test
    void anEmptyOrNullAnswerReadsAsAnObjectWithoutFields() throws Exception {
        BitbucketUser none = new BitbucketUser(null, null, null, null);
        assertEquals(none, JsonAnswers.read(Answers.json(200, ""), UserJson.class).toUser());
        assertEquals(none, JsonAnswers.read(Answers.json(200, "null"), UserJson.class).toUser());
    }

    @Test
    void aPermissionNamesTheMemberOnlyWhenTheAnswerHasTheirUuid() throws Exception {
        WorkspacePermission named = JsonAnswers.read(Answers.json(200, """
                {"permission": "member", "user": {"uuid": "{b}", "account_id": "557058:b", "display_name": "Bob", "nickname": "bob"}}"""),
                PermissionJson.class).toPermission("acme");
        assertEquals(new WorkspacePermission("acme", "member", new BitbucketUser("{b}", "557058:b", "Bob", "bob")), named);
        assertNull(JsonAnswers.read(Answers.json(200, "{\"permission\": \"owner\", \"user\": {\"display_name\": \"X\"}}"),
                PermissionJson.class).toPermission("acme").member());
        assertNull(JsonAnswers.read(Answers.json(200, "{\"permission\": \"owner\"}"), PermissionJson.class).toPermission("acme").member());
    }

    @Test
    void aPageHoldsItsValuesAndTheLinkToTheNext() throws Exception {
        Page<TaskJson> page = JsonAnswers.read(Answers.json(200, """
                {"pagelen": 100, "values": [{"id": 1, "state": "RESOLVED", "content": {"raw": "Header row"}},
                                            {"id": 2, "state": "UNRESOLVED", "content": {}}],
                 "next": "https://api.bitbucket.org/2.0/x?page=2"}"""), JsonAnswers.pageOf(TaskJson.class));
        assertEquals(List.of(new PullRequestTask(1, "Header row", true), new PullRequestTask(2, null, false)),
                page.valuesOrNone().stream().map(TaskJson::toTask).toList());
        assertEquals("https://api.bitbucket.org/2.0/x?page=2", page.next());
        Page<TaskJson> none = JsonAnswers.read(Answers.json(200, "{\"values\": [null]}"), JsonAnswers.pageOf(TaskJson.class));
        assertEquals(Optional.empty(), none.first());
        Page<TaskJson> empty = JsonAnswers.read(Answers.json(200, "{}"), JsonAnswers.pageOf(TaskJson.class));
        assertEquals(List.of(), empty.valuesOrNone());
    }

    @Test
    void aDefaultReviewerKeepsWhereItWasSet() throws Exception {
        DefaultReviewerJson reviewer = JsonAnswers.read(Answers.json(200,
                "{\"reviewer_type\": \"project\", \"user\": {\"uuid\": \"{u}\", \"display_name\": \"U\"}}"), DefaultReviewerJson.class);
        assertEquals(new DefaultReviewer("{u}", "U", "project"), reviewer.toDefaultReviewer());
        assertEquals(new DefaultReviewer(null, null, null),
                JsonAnswers.read(Answers.json(200, "{}"), DefaultReviewerJson.class).toDefaultReviewer());
    }
}
