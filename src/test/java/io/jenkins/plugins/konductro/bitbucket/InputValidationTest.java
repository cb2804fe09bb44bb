package io.jenkins.plugins.konductro.bitbucket;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SecretLeakWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputValidationTest {
    private static final String TOKEN = SecretLeakWatch.secret("ATATT3xFfGF0" + "a1B2c3D4e5".repeat(18));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "acme-team/widgets                              | acme-team | widgets",
            "https://bitbucket.org/acme-team/widgets        | acme-team | widgets",
            "https://bitbucket.org/acme-team/widgets.git    | acme-team | widgets",
            "https://alice@bitbucket.org/acme-team/widgets.git | acme-team | widgets",
            "https://bitbucket.org/acme-team/widgets/src/main/ | acme-team | widgets",
            "git@bitbucket.org:acme-team/widgets.git        | acme-team | widgets",
            "ssh://git@bitbucket.org/acme-team/my.repo.git  | acme-team | my.repo",
    })
    void parsesEveryCloudRepositoryForm(String text, String workspace, String repo) {
        RepositoryRef ref = RepositoryRef.parse(text);
        assertEquals(new RepositoryRef("bitbucket", workspace, repo), ref);
        assertEquals(workspace + "/" + repo, ref.fullName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://bitbucket.example.com/scm/PROJ/widgets.git",
            "https://git.acme.test/projects/PROJ/repos/widgets/browse",
            "https://bitbucket.org/scm/proj/widgets.git",
            "https://bitbucket.org/projects/PROJ/repos/widgets",
            "ssh://git@bitbucket.acme.test:7999/proj/widgets.git",
            "git@github.com:acme-team/widgets.git",
            "https://bitbucket.org:8443/acme-team/widgets",
    })
    void refusesServerAndOtherHostsAsCloudOnly(String text) {
        InvalidInputException e = expect(InvalidInputException.class, () -> RepositoryRef.parse(text));
        assertTrue(e.getMessage().contains("Bitbucket Cloud only"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                     | Repository is required",
            "widgets                                | is not of the form workspace/repo",
            "acme-team/widgets/extra                | is not of the form workspace/repo",
            "/widgets                               | Workspace is required",
            "acme-team/                             | Repository is required",
            "acme team/widgets                      | looks like a display name",
            "Acme-Team/widgets                      | perhaps 'acme-team'",
            "acme-team/Widgets                      | perhaps 'widgets'",
            "acme-team/..                           | is not a repository slug",
            "http://bitbucket.org/acme-team/widgets | must use https://",
            "https://bitbucket.org/acme-team        | does not name a workspace and a repository",
            "ftp://bitbucket.org/acme-team/widgets  | must use https://",
    })
    void refusesMalformedRepositoriesSayingWhy(String text, String why) {
        InvalidInputException e = expect(InvalidInputException.class, () -> RepositoryRef.parse(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    static java.util.stream.Stream<org.junit.jupiter.api.function.Executable> misplacedTokens() {
        return java.util.stream.Stream.of(
                () -> BitbucketInputs.workspaceSlug(TOKEN),
                () -> BitbucketInputs.repositorySlug(TOKEN),
                () -> BitbucketInputs.email(TOKEN),
                () -> BitbucketInputs.email(TOKEN + "@acme"),
                () -> RepositoryRef.parse(TOKEN),
                () -> RepositoryRef.parse("acme-team/" + TOKEN),
                () -> RepositoryRef.parse("https://" + TOKEN + "@bitbucket.example.com/scm/p/r.git"),
                () -> RepositoryRef.parse("http://" + TOKEN + "@bitbucket.org/acme-team/widgets"),
                () -> RepositoryRef.parse("x-token-auth:" + TOKEN + "@bitbucket.org:acme-team/widgets.git"),
                () -> RepositoryRef.parse("https://bitbucket.org/" + TOKEN + "/widgets"),
                () -> BitbucketClient.builder().apiUrl(TOKEN),
                () -> io.jenkins.plugins.konductro.operations.TicketKey.of(TOKEN),
                () -> io.jenkins.plugins.konductro.operations.BranchNames.requireValid(TOKEN, "Branch"),
                () -> io.jenkins.plugins.konductro.operations.BranchNames.requireValid("feature/" + TOKEN, "Branch"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("misplacedTokens")
    void aTokenPastedIntoAnotherFieldIsNeverEchoed(org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = expect(InvalidInputException.class, call);
        String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        assertFalse(message.contains(TOKEN.toLowerCase(java.util.Locale.ROOT)), "echoed");
        assertFalse(message.contains(TOKEN.substring(6, 30).toLowerCase(java.util.Locale.ROOT)), "partly echoed");
    }

    @Test
    void refusesACredentialInARepositoryUrlWithoutEchoingIt() {
        InvalidInputException e = expect(InvalidInputException.class,
                () -> RepositoryRef.parse("https://x-token-auth:" + TOKEN + "@bitbucket.org/acme-team/widgets.git"));
        assertTrue(e.getMessage().contains("contains a password or token"));
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Acme Team   | acme-team",
            "AcmeTeam    | acmeteam",
            "acme team   | acme-team",
            "ACME        | acme",
    })
    void refusesWorkspaceDisplayNamesAndSuggestsTheSlug(String workspace, String suggestion) {
        InvalidInputException e = expect(InvalidInputException.class, () -> BitbucketInputs.workspaceSlug(workspace));
        assertTrue(e.getMessage().contains("display name"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + suggestion + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@acme.test", "alice@acme", "alice doe@acme.test", "alice@@acme.test",
            "x-bitbucket-api-token-auth", "a:b@acme.test"})
    void refusesEmailsThatAreNotEmails(String email) {
        InvalidInputException e = expect(InvalidInputException.class, () -> ApiTokenCredential.of("acme-team", email, TOKEN));
        assertTrue(e.getMessage().contains("e-mail"), e.getMessage());
    }

    @Test
    void refusesAppPasswordsAndSaysWhy() {
        String appPassword = SecretLeakWatch.secret("ATBB" + "Zq9".repeat(10) + "abcd9F");
        InvalidInputException e = expect(InvalidInputException.class,
                () -> ApiTokenCredential.of("acme-team", "alice@acme.test", appPassword));
        assertTrue(e.getMessage().contains("app password"), e.getMessage());
        assertTrue(e.getMessage().contains("API token with scopes"), e.getMessage());
        assertFalse(e.getMessage().contains(appPassword));
    }

    @Test
    void refusesAccessTokens() {
        String token = SecretLeakWatch.secret("ATCTT3" + "Xy7".repeat(62));
        InvalidInputException e = expect(InvalidInputException.class,
                () -> ApiTokenCredential.of("acme-team", "alice@acme.test", token));
        assertTrue(e.getMessage().contains("access token"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ATATT3", "bearer abc"})
    void refusesABearerPrefix(String prefix) {
        String token = SecretLeakWatch.secret(prefix + "Xy7".repeat(62));
        InvalidInputException e = expect(InvalidInputException.class,
                () -> ApiTokenCredential.of("acme-team", "alice@acme.test", token));
        assertTrue(e.getMessage().contains("give the token alone"), e.getMessage());
        assertFalse(e.getMessage().contains(token.substring(7)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " ATATT3abc", "ATATT3abc\n", "ATATT3 abc"})
    void refusesEmptyOrWhitespaceTokens(String token) {
        expect(InvalidInputException.class, () -> ApiTokenCredential.of("acme-team", "alice@acme.test", token));
    }

    @Test
    void credentialNeverShowsItsToken() {
        ApiTokenCredential credential = ApiTokenCredential.of("acme-team", "alice@acme.test", TOKEN);
        assertEquals("alice@acme.test @ acme-team", credential.toString());
        SecretLeakWatch.recordLine(credential.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.bitbucket.org/2.0", "https://bitbucket.acme.test/rest/api/1.0",
            "http://api.bitbucket.org/2.0", "https://user:pw@api.bitbucket.org/2.0", "not a url"})
    void refusesApiUrlsThatAreNotCloudOrLoopback(String url) {
        expect(InvalidInputException.class, () -> BitbucketClient.builder().apiUrl(url));
    }

    @Test
    void acceptsCloudAndLoopbackApiUrls() {
        assertEquals("https://api.bitbucket.org/2.0", BitbucketClient.builder().build().apiUrl());
        assertEquals("http://127.0.0.1:8080/2.0", BitbucketClient.builder().apiUrl("http://127.0.0.1:8080/2.0/").build().apiUrl());
    }
}
