package io.jenkins.plugins.konductro.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.konductro.contract.BitbucketContract;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import io.jenkins.plugins.konductro.sandbox.SandboxPullRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Konductro in a real Jenkins: a real war and real plugins, the .hpi this build made, pages driven in Chromium as a
 * person drives them, and the Bitbucket sandbox on loopback. Given no Jenkins ({@code -Djenkins.war=…
 * -Djenkins.plugins=…}, or {@code JENKINS_WAR} and {@code JENKINS_PLUGINS}), it is skipped and says so; under
 * {@code -Pacceptance} a missing Jenkins fails instead. The scenarios build on each other, in order, on one Jenkins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KonductroInRealJenkinsIT {
    private static final String WIDGETS = "acme-team/widgets";

    private static BitbucketSandbox sandbox;
    private static RealJenkins jenkins;
    private static Browser browser;
    private static JenkinsApi api;
    private static Path work;
    private static final List<String> contractViolations = new CopyOnWriteArrayList<>();

    /** A failed scenario leaves a screenshot and the page's HTML in the work folder, to see what the person saw. */
    @RegisterExtension
    static final TestWatcher KEEP_THE_PAGE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    String name = "FAILED-" + context.getRequiredTestMethod().getName();
                    browser.screenshot(name);
                    Files.writeString(work.resolve("screenshots").resolve(name + ".html"), browser.driver().getPageSource());
                    System.out.println("[acceptance] " + name + " at " + browser.driver().getCurrentUrl() + ": see " + work.resolve("screenshots"));
                } catch (IOException | RuntimeException e) {
                    System.out.println("[acceptance] no screenshot: " + e);
                }
            }
        }
    };

    @BeforeAll
    static void startJenkins() throws IOException {
        var given = RealJenkins.given();
        boolean required = Boolean.getBoolean("konductro.acceptance.required");
        if (given.isEmpty() || !Browser.available()) {
            String why = given.isEmpty()
                    ? "no Jenkins given (-Djenkins.war=<jenkins.war> -Djenkins.plugins=<folder of .jpi/.hpi>, or JENKINS_WAR and JENKINS_PLUGINS)"
                    : "no Chromium and chromedriver (apt-get install chromium chromium-driver)";
            if (required) {
                fail("The acceptance suite cannot run: " + why);
            }
            System.out.println("[acceptance] Acceptance suite against a real Jenkins SKIPPED: " + why + ".");
            Assumptions.abort("acceptance suite skipped: " + why);
        }
        work = Path.of("target", "acceptance", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(work);
        sandbox = BitbucketSandbox.startDemo();
        sandbox.addRepository("acme-team", "gadgets", "main", true);
        sandbox.onExchange(exchange -> BitbucketContract.instance().violations(exchange)
                .forEach(v -> contractViolations.add(exchange + ": " + v)));
        Path hpi = Path.of(System.getProperty("konductro.hpi", "target/konductro.hpi"));
        jenkins = RealJenkins.start(given.get()[0], given.get()[1], hpi, work, sandbox.apiUrl());
        api = new JenkinsApi(jenkins.url());
        browser = new Browser(jenkins.url(), work);
        System.out.println("[acceptance] Jenkins at " + jenkins.url() + ", home " + jenkins.home() + ", log " + jenkins.log());
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (jenkins != null) {
            jenkins.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    // ------------------------------------------------------------------ credentials

    @Test
    @Order(1)
    void eachDeveloperSavesTheirOwnCredentialAfterAWrongTokenIsRefused() throws IOException {
        for (String user : List.of("alice", "bob")) {
            browser.login(user);
            openNewCredentialForm(user);
            fillCredential(user + "@acme.test", "ATATT3" + "x".repeat(186));
            browser.click("Create");
            browser.waitForText("Wrong e-mail or API token");
            assertTrue(browser.text().contains("Not saved"), browser.text());

            openNewCredentialForm(user);
            fillCredential(user + "@acme.test", sandbox.demoToken(user));
            browser.click("Verify");
            browser.waitForText("Authenticated as " + (user.equals("alice") ? "Alice Doe" : "Bob Stone"));
            if (user.equals("alice")) {
                browser.screenshotOf(By.id("main-panel"), "credential-form");
            }
            browser.click("Create");
            browser.waitForText(user + "@acme.test @ acme-team");
            String store = api.get(user, "user/" + user + "/credentials/store/user/domain/_/api/json?tree=credentials[id,displayName]");
            assertEquals(1, occurrences(store, "\"displayName\""), "one credential saved, none for the refused try: " + store);
        }
    }

    private static void openNewCredentialForm(String user) {
        browser.open("user/" + user + "/credentials/store/user/domain/_/newCredentials");
        browser.select(By.cssSelector("select.dropdownList, select[name='$class'], .jenkins-select__input"),
                "Bitbucket Cloud API token (Konductro)");
    }

    private static void fillCredential(String email, String token) {
        browser.type(By.name("_.workspace"), "acme-team");
        browser.type(By.name("_.email"), email);
        browser.type(By.name("_.apiToken"), token);
    }

    // ------------------------------------------------------------------ Pipeline, made through the form

    @Test
    @Order(2)
    void aPipelineJobMadeThroughTheFormRunsAsItsDeveloperInAndOutOfTheSandbox() throws IOException {
        browser.login("alice");
        createItem("kon-pipeline", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        setPipelineScript("""
                def started = konductroStartBranch repository: 'acme-team/widgets', ticket: 'KON-101', summary: 'Through the form'
                echo "BRANCH=${started.branch} CREATED=${started.created} REPO=${started.repository.workspace}/${started.repository.repo}"
                def spec = konductroPushSpec repository: 'acme-team/widgets', ticket: 'KON-101', spec: '# KON-101\\n'
                echo "SPEC=${spec.path} CHANGED=${spec.changed}"
                def pr = konductroOpenPr repository: 'acme-team/widgets', ticket: 'KON-101', acceptanceCriteria: ['One', 'Two'], reviewers: ['bob']
                echo "PR=${pr.id} ${pr.state} CREATED=${pr.created} ADDED=${pr.reviewersAdded}"
                def status = konductroPrStatus repository: 'acme-team/widgets', id: pr.id
                echo "STATUS=${status.state} PROGRESS=${status.acceptance.resolved}/${status.acceptance.total}"
                """, true);
        save();
        assertFalse(api.configXml("job/kon-pipeline/").contains("KonductroProjectProperty"), "no Konductro setting from an untouched section");

        String first = build("job/kon-pipeline/", 1);
        assertTrue(first.contains("BRANCH=feature/KON-101-through-the-form CREATED=true REPO=acme-team/widgets"), first);
        assertTrue(first.contains("SPEC=.tickets/KON-101.md CHANGED=true"), first);
        assertTrue(first.contains("CREATED=true ADDED=[bob]"), first);
        assertTrue(first.contains("STATUS=OPEN PROGRESS=0/2"), first);
        List<SandboxPullRequest> prs = sandbox.pullRequests("acme-team", "widgets");
        assertEquals(1, prs.size());

        browser.open("job/kon-pipeline/configure");
        setSandbox(false);
        save();
        browser.login("admin");
        browser.open("manage/scriptApproval/");
        browser.click("Approve");
        browser.waitFor(d -> d.findElements(By.xpath("//button[normalize-space(.)='Approve']")).stream().noneMatch(WebElement::isDisplayed));
        browser.login("alice");
        String second = build("job/kon-pipeline/", 2);
        assertTrue(second.contains("CREATED=false") && second.contains("CHANGED=false"), "a rerun duplicates nothing: " + second);
        assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size());
    }

    // ------------------------------------------------------------------ freestyle, made through the form

    @Test
    @Order(3)
    void aFreestyleJobConfiguredThroughTheFormSetsItsVariablesForLaterSteps() throws IOException {
        browser.login("alice");
        createItem("kon-freestyle", "hudson_model_FreeStyleProject");
        addBuildStep("Konductro: start the ticket's branch");
        fillLastStep("_.repository", WIDGETS);
        fillLastStep("_.ticket", "KON-202");
        fillLastStep("_.summary", "Freestyle");
        addBuildStep("Konductro: push the ticket's spec");
        fillLastStep("_.repository", WIDGETS);
        fillLastStep("_.ticket", "KON-202");
        fillLastStep("_.spec", "# KON-202");
        addBuildStep("Konductro: open the ticket's pull request");
        fillLastStep("_.repository", WIDGETS);
        fillLastStep("_.ticket", "KON-202");
        fillLastStep("_.acceptanceCriteria", "First\nSecond");
        addBuildStep("Konductro: read the pull request's status");
        fillLastStep("_.repository", WIDGETS);
        fillLastStep("_.id", "${KONDUCTRO_PR_ID}");
        addBuildStep("Execute shell");
        browser.script("""
                const areas = document.querySelectorAll("textarea[name='command']");
                const area = areas[areas.length - 1];
                area.value = arguments[0];
                if (area.codemirrorObject) { area.codemirrorObject.setValue(arguments[0]); }
                """, "env | grep '^KONDUCTRO_' | sort");
        save();
        String config = api.configXml("job/kon-freestyle/");
        assertTrue(config.contains("io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder"), config);
        assertFalse(config.contains("KonductroProjectProperty"), config);

        String console = build("job/kon-freestyle/", 1);
        for (String expected : List.of("KONDUCTRO_BRANCH=feature/KON-202-freestyle", "KONDUCTRO_SPEC_PATH=.tickets/KON-202.md",
                "KONDUCTRO_PR_STATE=OPEN", "KONDUCTRO_PR_CREATED=true", "KONDUCTRO_PR_TASKS_CREATED=First,Second",
                "KONDUCTRO_PR_CRITERIA_TOTAL=2", "KONDUCTRO_REPOSITORY=acme-team/widgets")) {
            assertTrue(console.contains(expected), expected + " in\n" + console);
        }
        for (String emptyIsAbsent : List.of("KONDUCTRO_PR_TASKS_EXISTING=", "KONDUCTRO_PR_REVIEWERS_SKIPPED=",
                "KONDUCTRO_PR_DEFAULT_REVIEWERS_ADDED=")) {
            assertFalse(console.contains(emptyIsAbsent), "as README says, Jenkins leaves out an empty " + emptyIsAbsent);
        }
    }

    @Test
    @Order(4)
    void theFreestyleBuildStepsShowThePipelineStepsHelp() throws IOException {
        browser.login("alice");
        browser.open("job/kon-freestyle/configure");
        browser.waitForText("Konductro: open the ticket's pull request");
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.script("""
                const links = [];
                document.querySelectorAll(".repeated-chunk[descriptorId^='io.jenkins.plugins.konductro.freestyle.']")
                    .forEach(chunk => chunk.querySelectorAll("[helpURL]").forEach(a => links.push(a.getAttribute("helpURL"))));
                return links;
                """);
        assertTrue(urls.size() >= 4 * 4, "help links of the four Konductro build steps: " + urls);
        for (String url : urls) {
            assertTrue(url.startsWith("/descriptor/io.jenkins.plugins.konductro.steps."), "served by a Pipeline step: " + url);
            String help = api.get("alice", url.substring(1));
            assertTrue(help.strip().startsWith("<div>") && help.length() > 60, url + " answered:\n" + help);
        }
        assertTrue(urls.contains("/descriptor/io.jenkins.plugins.konductro.steps.OpenPullRequestStep/help/acceptanceCriteria"), urls.toString());
        assertTrue(urls.contains("/descriptor/io.jenkins.plugins.konductro.steps.StartBranchStep/help"), "the step's overview: " + urls);
    }

    // ------------------------------------------------------------------ settings: round trips and links

    @Test
    @Order(5)
    void configurationRoundTripsUntouchedAndWithARepositoryPickedFromTheList() throws IOException {
        browser.login("alice");
        for (String job : List.of("job/kon-pipeline/", "job/kon-freestyle/")) {
            String before = api.configXml(job);
            browser.open(job + "configure");
            save();
            assertEquals(before.contains("konductro.project"), api.configXml(job).contains("konductro.project"));
            assertFalse(api.configXml(job).contains("KonductroProjectProperty"), job);
        }
        createItem("team", "com_cloudbees_hudson_plugins_folder_Folder");
        save();
        assertFalse(api.configXml("job/team/").contains("Konductro"), "an untouched folder carries no Konductro setting");

        int listsBefore = repositoryListRequests();
        browser.open("job/kon-pipeline/configure");
        linkRepositoryFromList("widgets", "job-konductro-section");
        save();
        assertEquals(listsBefore + 1, repositoryListRequests(), "the list was read once, with alice's token");
        String config = api.configXml("job/kon-pipeline/");
        assertTrue(config.contains("<io.jenkins.plugins.konductro.project.KonductroProjectProperty"), config);
        assertTrue(config.contains("<workspace>acme-team</workspace>") && config.contains("<repo>widgets</repo>"), config);
        browser.open("job/kon-pipeline/configure");
        assertEquals("widgets", browser.visible(By.name("_.repo")).getAttribute("value"), "reads back as saved");
        save();
        assertEquals(config, api.configXml("job/kon-pipeline/"), "saving again changes nothing");

        browser.open("job/kon-freestyle/configure");
        linkRepositoryFromList("widgets", null);
        save();
        String freestyle = api.configXml("job/kon-freestyle/");
        assertTrue(freestyle.contains("<repo>widgets</repo>") && freestyle.contains("OpenPullRequestBuilder"), freestyle);
        browser.open("job/kon-freestyle/configure");
        assertEquals("widgets", browser.visible(By.name("_.repo")).getAttribute("value"));
        save();
        assertEquals(freestyle, api.configXml("job/kon-freestyle/"));

        browser.open("job/team/configure");
        linkRepositoryFromList("gadgets", null);
        save();
        String folder = api.configXml("job/team/");
        assertTrue(folder.contains("<io.jenkins.plugins.konductro.project.KonductroFolderProperty")
                && folder.contains("<repo>gadgets</repo>"), folder);
        browser.open("job/team/configure");
        assertEquals("gadgets", browser.visible(By.name("_.repo")).getAttribute("value"));
        save();
        assertEquals(folder, api.configXml("job/team/"));
    }

    @Test
    @Order(6)
    void aJobInAFolderUsesTheFoldersLink() throws IOException {
        browser.login("alice");
        browser.open("job/team/");
        createItem("job/team/", "in-team", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        setPipelineScript("""
                def started = konductroStartBranch ticket: 'KON-303'
                echo "REPO=${started.repository.workspace}/${started.repository.repo} BRANCH=${started.branch}"
                """, true);
        save();
        String console = build("job/team/job/in-team/", 1);
        assertTrue(console.contains("REPO=acme-team/gadgets BRANCH=feature/KON-303"), console);
    }

    /**
     * A downstream build that runs as alice because a build she started triggered it ({@code build job:}) gets none of
     * her own credentials; the upstream build she started does.
     */
    @Test
    @Order(7)
    void aBuildTriggeredByAnotherBuildDoesNotGetTheDevelopersOwnCredential() throws IOException {
        Assumptions.assumeTrue(Files.exists(jenkins.home().resolve("plugins/pipeline-build-step.jpi")),
                "the pipeline-build-step plugin is not among the plugins given: the downstream build was not run");
        browser.login("alice");
        createItem("kon-downstream", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        setPipelineScript("konductroStartBranch repository: 'acme-team/widgets', ticket: 'KON-404'\n", true);
        save();
        createItem("kon-upstream", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        setPipelineScript("""
                konductroStartBranch repository: 'acme-team/widgets', ticket: 'KON-405'
                build job: 'kon-downstream', propagate: false
                """, true);
        save();
        String upstream = build("job/kon-upstream/", 1);
        assertTrue(upstream.contains("feature/KON-405"), upstream);
        assertEquals("FAILURE", api.waitForBuild("job/kon-downstream/", 1, Duration.ofMinutes(2)));
        String downstream = api.console("job/kon-downstream/", 1);
        assertTrue(downstream.contains("This build runs as alice but alice did not start it"), downstream);
        assertEquals(0, sandbox.exchanges().stream().filter(e -> e.rawTarget().contains("KON-404")).count(),
                "nothing was asked of Bitbucket with alice's token for the downstream build");
    }

    /**
     * A spec file that is a link to a secret of Jenkins, or lies under a linked folder, is refused before it is read,
     * and nothing of it reaches Bitbucket.
     */
    @Test
    @Order(8)
    void aSpecFileThroughASymbolicLinkIsRefusedBeforeItIsRead() throws IOException {
        browser.login("alice");
        createItem("kon-links", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        setPipelineScript("""
                node {
                    sh 'mkdir -p specs outside && echo "# KON-501 a plain spec" > specs/KON-501.md'
                    sh 'ln -sf "$JENKINS_HOME/secrets/master.key" specs/KON-502.md'
                    sh 'echo "# elsewhere" > outside/KON-503.md && ln -sfn "$PWD/outside" linked'
                    konductroStartBranch repository: 'acme-team/widgets', ticket: 'KON-501'
                    def plain = konductroPushSpec repository: 'acme-team/widgets', ticket: 'KON-501', file: 'specs/KON-501.md'
                    echo "PLAIN=${plain.changed}"
                    for (f in ['specs/KON-502.md', 'linked/KON-503.md']) {
                        try {
                            konductroPushSpec repository: 'acme-team/widgets', ticket: 'KON-501', file: f
                            echo "READ ${f}"
                        } catch (e) {
                            echo "REFUSED ${f}: ${e.message}"
                        }
                    }
                }
                """, true);
        save();
        String console = build("job/kon-links/", 1);
        assertTrue(console.contains("PLAIN=true"), console);
        assertTrue(console.contains("REFUSED specs/KON-502.md: konductroPushSpec: file 'specs/KON-502.md' leads out of the workspace"), console);
        assertTrue(console.contains("REFUSED linked/KON-503.md: konductroPushSpec: file 'linked/KON-503.md' is, or lies under, a symbolic link"), console);
        assertFalse(console.contains("READ "), console);
        String masterKey = Files.readString(jenkins.home().resolve("secrets/master.key"), StandardCharsets.ISO_8859_1).strip();
        assertEquals(0, sandbox.exchanges().stream().map(e -> new String(e.requestBody(), StandardCharsets.ISO_8859_1))
                .filter(body -> body.contains(masterKey) || body.contains("# elsewhere")).count(),
                "nothing read through a link reached Bitbucket");
    }

    /**
     * The README's complete Jenkinsfile, as written, from the job's own git repository (Pipeline script from SCM), in a
     * job whose form already linked another repository: its {@code properties} call applies on its first run.
     */
    @Test
    @Order(9)
    void theReadmesCompleteJenkinsfileRunsAsWritten() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.exists(jenkins.home().resolve("plugins/git.jpi")),
                "the git plugin is not among the plugins given: the README's Jenkinsfile (checkout scm) was not run");
        Path repository = work.resolve("widgets-jenkinsfile.git");
        Path checkout = work.resolve("widgets-jenkinsfile");
        Files.createDirectories(checkout.resolve("specs"));
        Files.writeString(checkout.resolve("Jenkinsfile"), ReadmeJenkinsfile.complete(), StandardCharsets.UTF_8);
        Files.writeString(checkout.resolve("specs/KON-42.md"), "# KON-42 Export widgets as CSV\n", StandardCharsets.UTF_8);
        git(checkout, "init", "-q", "-b", "master");
        git(checkout, "add", ".");
        git(checkout, "-c", "user.name=Alice Doe", "-c", "user.email=alice@acme.test", "commit", "-q", "-m", "Jenkinsfile");
        git(work, "clone", "-q", "--bare", checkout.toString(), repository.toString());

        browser.login("alice");
        createItem("kon-readme", "org_jenkinsci_plugins_workflow_job_WorkflowJob");
        linkRepositoryFromList("gadgets", null);
        browser.select(By.xpath("//select[option[normalize-space(.)='Pipeline script from SCM']]"), "Pipeline script from SCM");
        browser.select(By.xpath("//select[option[normalize-space(.)='Git']]"), "Git");
        browser.type(By.name("_.url"), "file://" + repository);
        save();
        String console = build("job/kon-readme/", 1);
        assertTrue(console.contains("Branch feature/KON-42-export-widgets-as-csv"), console);
        assertTrue(console.contains("in acme-team/widgets"), "the Jenkinsfile's linked repository, not the form's: " + console);
        assertTrue(console.contains("Pull request #") && console.contains("OPEN (created: true)"), console);
    }

    private static void git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
    }

    // ------------------------------------------------------------------ pages

    @Test
    @Order(10)
    void theGlobalSettingIsSavedAndReadBack() {
        browser.login("admin");
        browser.open("manage/configure");
        browser.type(By.name("_.stateCacheSeconds"), "10");
        save();
        browser.open("manage/configure");
        assertEquals("10", browser.visible(By.name("_.stateCacheSeconds")).getAttribute("value"));
    }

    @Test
    @Order(11)
    void theBuildAndJobPagesFollowThePullRequestWithoutAReload() throws IOException {
        browser.login("alice");
        SandboxPullRequest pr = sandbox.pullRequests("acme-team", "widgets").get(0);
        browser.open("job/kon-pipeline/1/");
        browser.waitForText("OPEN");
        browser.screenshotOf(By.id("main-panel"), "build-page-open");
        sandbox.setPullRequestState("acme-team", "widgets", pr.id(), "MERGED");
        browser.waitForText("MERGED", Duration.ofSeconds(60));
        browser.screenshot("build-page-merged");
        browser.open("job/kon-pipeline/");
        browser.waitForText("Pull requests of recent builds");
        browser.waitForText("MERGED");

        browser.open("job/kon-freestyle/");
        browser.waitForText("Pull requests of recent builds");
        browser.waitForText("OPEN");
        SandboxPullRequest freestyles = sandbox.pullRequests("acme-team", "widgets").stream()
                .filter(p -> p.sourceBranch().startsWith("feature/KON-202")).findFirst().orElseThrow();
        sandbox.setPullRequestState("acme-team", "widgets", freestyles.id(), "DECLINED");
        browser.waitForText("DECLINED", Duration.ofSeconds(60));
        browser.screenshotOf(By.id("main-panel"), "job-page");
        List<String> errors = browser.consoleErrors();
        assertEquals(List.of(), errors.stream().filter(e -> e.contains("konductro")).toList());
    }

    @Test
    @Order(12)
    void theSnippetGeneratorOffersTheFourPipelineStepsOnce() {
        browser.login("alice");
        browser.open("job/kon-pipeline/pipeline-syntax/");
        List<String> steps = konductroOptions();
        assertEquals(4, steps.size(), "Konductro entries among the sample steps: " + steps);
        assertTrue(steps.stream().allMatch(o -> o.startsWith("konductro")), steps.toString());
        // "step: General Build Step" lists every SimpleBuildStep builder; its list appears once it is chosen.
        String general = steps.isEmpty() ? null : browser.all(By.cssSelector("option")).stream()
                .map(o -> o.getAttribute("textContent").strip()).filter(t -> t.startsWith("step:")).findFirst().orElse(null);
        assertTrue(general != null, "the Snippet Generator offers step: General Build Step");
        browser.select(By.xpath("//select[option[normalize-space(.)=" + Browser.literal(general) + "]]"), general);
        browser.waitFor(d -> d.findElements(By.xpath("//select[option[contains(normalize-space(.), 'Archive the artifacts')]]")).size() > 0);
        assertEquals(steps, konductroOptions(), "no Konductro build step under " + general);
    }

    private static List<String> konductroOptions() {
        List<String> options = new ArrayList<>();
        for (WebElement option : browser.all(By.cssSelector("option"))) {
            String text = option.getAttribute("textContent").strip();
            if (text.toLowerCase(java.util.Locale.ROOT).contains("konductro")) {
                options.add(text);
            }
        }
        return options;
    }

    // ------------------------------------------------------------------ restart, and no token anywhere

    @Test
    @Order(13)
    void aBuildRecordSavedUnderTheActionsFormerClassNameStillShows() throws IOException {
        String former = "io.jenkins.plugins.konductro.build.KonductroBuildAction";
        String today = "io.jenkins.plugins.konductro.pages.KonductroBuildAction";
        Path record = jenkins.home().resolve("jobs/kon-freestyle/builds/1/build.xml");
        jenkins.restart(() -> {
            String saved = Files.readString(record, StandardCharsets.UTF_8);
            assertTrue(saved.contains("<" + today + " "), "the build record holds Konductro's action:\n" + saved);
            Files.writeString(record, saved.replace(today, former), StandardCharsets.UTF_8); // as builds before the rename saved it
        });
        browser.login("alice");
        browser.open("job/kon-freestyle/1/");
        browser.waitForText("feature/KON-202-freestyle");
        browser.waitForText("DECLINED");
        String log = jenkins.logText();
        assertFalse(log.contains("CannotResolveClassException"), "Jenkins' log after loading the record:\n" + log);
    }

    @Test
    @Order(14)
    void everythingSurvivesARestart() throws IOException {
        jenkins.restart();
        browser.login("alice");
        browser.open("job/kon-pipeline/1/");
        browser.waitForText("MERGED");
        browser.open("job/kon-pipeline/configure");
        assertEquals("widgets", browser.visible(By.name("_.repo")).getAttribute("value"));
        String again = build("job/team/job/in-team/", 2);
        assertTrue(again.contains("REPO=acme-team/gadgets BRANCH=feature/KON-303"), "the folder's link and alice's credential after a restart: " + again);
    }

    @Test
    @Order(15)
    void noTokenInAnyFileOfJenkinsHomeOrInTheLog() throws IOException {
        List<String> secrets = new ArrayList<>();
        for (String who : List.of("alice", "bob")) {
            String token = sandbox.demoToken(who);
            secrets.add(token);
            secrets.add(Base64.getEncoder().encodeToString((who + "@acme.test:" + token).getBytes(StandardCharsets.UTF_8)));
        }
        secrets.add("ATATT3" + "x".repeat(186));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(jenkins.home())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/plugins/")).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                secrets.stream().filter(text::contains).forEach(s -> found.add(file.toString()));
            }
        }
        String log = jenkins.logText();
        secrets.stream().filter(log::contains).forEach(s -> found.add(jenkins.log().toString()));
        assertEquals(List.of(), found, "files holding a token");
        assertEquals(List.of(), contractViolations, "exchanges that break Atlassian's definition");
    }

    // ------------------------------------------------------------------ what a person does on the pages

    private static void createItem(String name, String typeClass) {
        createItem("", name, typeClass);
    }

    private static void createItem(String parent, String name, String typeClass) {
        browser.open(parent + "newJob");
        browser.type(By.id("name"), name);
        browser.visible(By.cssSelector("li." + typeClass)).click();
        browser.visible(By.id("ok-button")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/configure"));
    }

    private static void setPipelineScript(String script, boolean sandboxed) {
        browser.waitFor(d -> !d.findElements(By.name("_.script")).isEmpty());
        browser.script("""
                const script = arguments[0];
                const area = document.querySelector("textarea[name='_.script']");
                area.value = script;
                const editor = document.querySelector('.ace_editor');
                if (editor && window.ace) { window.ace.edit(editor).setValue(script, 1); }
                area.dispatchEvent(new Event('change'));
                """, script);
        setSandbox(sandboxed);
    }

    private static void setSandbox(boolean sandboxed) {
        WebElement box = browser.driver().findElements(By.name("_.sandbox")).get(0);
        if (box.isSelected() != sandboxed) {
            browser.script("arguments[0].click();", box);
        }
    }

    private static void save() {
        browser.visible(By.name("Submit")).click();
        browser.waitFor(d -> !d.getCurrentUrl().endsWith("/configure") && !d.getCurrentUrl().endsWith("/configSubmit"));
        assertFalse(browser.text().contains("A problem occurred while processing the request"), browser.text());
    }

    /** Adds the step and waits until its form is on the page (a busy machine renders it later). */
    private static void addBuildStep(String name) {
        long before = buildStepForms();
        browser.click("Add build step");
        browser.click(name);
        browser.waitFor(d -> buildStepForms() > before ? Boolean.TRUE : null);
        RealJenkins.sleep(500);
    }

    private static long buildStepForms() {
        return ((Number) browser.script("return document.querySelectorAll('.repeated-chunk').length")).longValue();
    }

    private static void fillLastStep(String field, String value) {
        List<WebElement> fields = browser.all(By.name(field)).stream().filter(WebElement::isDisplayed).toList();
        WebElement last = browser.reveal(fields.get(fields.size() - 1));
        last.clear();
        last.sendKeys(value);
    }

    /** Links {@code slug} as a person does: Link existing repository, then the repository picked from the list. */
    private static void linkRepositoryFromList(String slug, String picture) throws IOException {
        browser.click("Link existing repository");
        browser.waitFor(d -> d.findElements(By.name("_.repo")).stream().anyMatch(WebElement::isDisplayed));
        WebElement repo = browser.visible(By.name("_.repo"));
        repo.click();
        repo.sendKeys(slug.substring(0, 1));
        WebElement choice = browser.visible(By.xpath("//div[contains(@class,'comboBoxList')]//div[normalize-space(.)='" + slug + "']"));
        if (picture != null) {
            browser.script("window.scrollBy(0, -120);");
            browser.screenshot(picture);
        }
        choice.click();
        assertEquals(slug, repo.getAttribute("value"));
    }

    private static int repositoryListRequests() {
        int count = 0;
        for (Exchange exchange : sandbox.exchanges()) {
            if (exchange.method().equals("GET") && exchange.rawTarget().contains("/repositories/acme-team?")
                    && exchange.rawTarget().contains("role=member")) {
                count++;
            }
        }
        return count;
    }

    private static String build(String jobPath, int number) throws IOException {
        browser.open(jobPath);
        browser.click("Build Now");
        String result = api.waitForBuild(jobPath, number, Duration.ofMinutes(3));
        String console = api.console(jobPath, number);
        assertEquals("SUCCESS", result, console);
        return console;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
