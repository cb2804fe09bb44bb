package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.plugins.credentials.Credentials;
import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.reflection.SunUnsafeReflectionProvider;
import hudson.model.JobProperty;
import hudson.model.UserProperty;
import hudson.tasks.Builder;
import io.jenkins.plugins.konductro.pages.FormerNames;
import io.jenkins.plugins.konductro.pages.KonductroBuildAction;
import io.jenkins.plugins.konductro.credentials.BitbucketAccountsProperty;
import io.jenkins.plugins.konductro.credentials.impl.BitbucketApiTokenCredentialsImpl;
import io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder;
import io.jenkins.plugins.konductro.freestyle.PullRequestStatusBuilder;
import io.jenkins.plugins.konductro.freestyle.PushSpecBuilder;
import io.jenkins.plugins.konductro.freestyle.StartBranchBuilder;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.project.KonductroFolderProperty;
import io.jenkins.plugins.konductro.project.KonductroProjectProperty;
import io.jenkins.plugins.konductro.project.LinkedRepository;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import io.jenkins.plugins.konductro.usecases.OpenPullRequestRequest;
import io.jenkins.plugins.konductro.usecases.PullRequestStatusRequest;
import io.jenkins.plugins.konductro.usecases.PushSpecRequest;
import io.jenkins.plugins.konductro.usecases.StartBranchRequest;
import io.jenkins.plugins.konductro.usecases.TestBuild;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jenkins.model.GlobalConfiguration;
import jenkins.model.RunAction2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything Jenkins saves of Konductro (job and folder settings, build steps, a build's record, a user's accounts,
 * the credential, the global configuration), filled as a person's use fills it, written and read back under the rule
 * by which Jenkins refuses classes ({@link JenkinsClassFilter}). Every class of the plugin that Jenkins persists must
 * have a sample here, so a new one cannot be left out; the next {@code List.of} in a saved field fails this test, not
 * a user's Save.
 */
class PersistedStateTest {
    /** What Jenkins writes to disk: job and folder configuration, users, credentials, global settings, builds. */
    private static final List<Class<?>> PERSISTED_KINDS = List.of(JobProperty.class, AbstractFolderProperty.class,
            UserProperty.class, Credentials.class, GlobalConfiguration.class, Builder.class, RunAction2.class);

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    @Test
    void everyPersistedClassOfThePluginHasSamplesHere() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            boolean persisted = PERSISTED_KINDS.stream().anyMatch(kind -> kind.isAssignableFrom(type));
            if (persisted && !Modifier.isAbstract(type.getModifiers()) && !samples().containsKey(type)) {
                missing.add(type.getName());
            }
        }
        assertEquals(Set.of(), missing, "persisted classes without a sample in this test");
    }

    @Test
    void everySampleIsWrittenAndReadBackAsJenkinsWouldAllowIt() {
        XStream xstream = JenkinsClassFilter.xstream();
        List<String> refused = new ArrayList<>();
        samples().forEach((type, made) -> {
            for (Object sample : made.get()) {
                try {
                    String xml = xstream.toXML(sample);
                    Object read = xstream.fromXML(xml);
                    assertEquals(type, read.getClass());
                    assertEquals(xml, xstream.toXML(read), "reads back as it was written: " + type.getSimpleName());
                } catch (UnsupportedOperationException | com.thoughtworks.xstream.XStreamException e) {
                    refused.add(type.getSimpleName() + ": " + rootMessage(e));
                }
            }
        });
        assertEquals(List.of(), refused);
    }

    @Test
    void aBuildRecordSavedUnderTheActionsFormerClassNameLoads() {
        KonductroBuildAction filled = (KonductroBuildAction) buildActions().get(1);
        String now = JenkinsClassFilter.xstream().toXML(filled);
        String former = "io.jenkins.plugins.konductro.build.KonductroBuildAction";
        String saved = now.replace(KonductroBuildAction.class.getName(), former);
        assertTrue(saved.startsWith("<" + former + ">"), saved);

        assertThrows(com.thoughtworks.xstream.mapper.CannotResolveClassException.class,
                () -> JenkinsClassFilter.xstream().fromXML(saved), "unknown without the alias");
        XStream reader = JenkinsClassFilter.xstream();
        // Jenkins' addCompatibilityAlias maps the name for reading only; XStream's alias does that and more.
        FormerNames.OF_BUILD_RECORDS.forEach(reader::alias);
        KonductroBuildAction read = (KonductroBuildAction) reader.fromXML(saved);
        assertEquals(now, JenkinsClassFilter.xstream().toXML(read), "the record as it was saved, under today's name");
        assertEquals(filled.record().pullRequests().size(), read.record().pullRequests().size());
    }

    @Test
    void theRuleRefusesWhatJenkinsRefuses() {
        XStream xstream = JenkinsClassFilter.xstream();
        for (Object refused : List.of(List.of(), List.of("a", "b", "c"), Stream.of("a", "b", "c").toList(),
                Set.of("a"), Map.of("a", "b"))) {
            try {
                xstream.toXML(new ArrayList<>(List.of(new Holder(refused))));
                fail("Jenkins refuses " + refused.getClass().getName());
            } catch (RuntimeException e) {
                assertTrue(rootMessage(e).startsWith("Refusing to marshal java.util.ImmutableCollections$"), rootMessage(e));
            }
        }
        for (Object allowed : List.of(new ArrayList<>(List.of("a", "b", "c")), new LinkedHashMap<>(Map.of("a", "b")))) {
            assertFalse(xstream.toXML(new Holder(allowed)).isEmpty());
        }
    }

    /** A plugin-side holder, as a saved field would be. */
    static final class Holder {
        final Object value;

        Holder(Object value) {
            this.value = value;
        }
    }

    private Map<Class<?>, Supplier<List<Object>>> samples() {
        Map<Class<?>, Supplier<List<Object>>> samples = new LinkedHashMap<>();
        samples.put(KonductroProjectProperty.class, () -> projectSettings((provider, repos) -> new KonductroProjectProperty(provider, repos)));
        samples.put(KonductroFolderProperty.class, () -> projectSettings((provider, repos) -> new KonductroFolderProperty(provider, repos)));
        samples.put(StartBranchBuilder.class, () -> {
            StartBranchBuilder builder = new StartBranchBuilder("KON-42");
            builder.setRepository("acme-team/widgets");
            builder.setSummary("Export widgets as CSV");
            builder.setFrom("develop");
            builder.setCredentialsId("alice-acme");
            return List.of(builder, new StartBranchBuilder("KON-1"));
        });
        samples.put(PushSpecBuilder.class, () -> {
            PushSpecBuilder builder = new PushSpecBuilder("KON-42");
            builder.setFile("specs/KON-42.md");
            builder.setMessage("Spec for KON-42");
            builder.setBranch("feature/KON-42");
            return List.of(builder);
        });
        samples.put(OpenPullRequestBuilder.class, () -> {
            OpenPullRequestBuilder builder = new OpenPullRequestBuilder("KON-42");
            builder.setTitle("KON-42: Export widgets as CSV");
            builder.setDescription("Adds a CSV export.");
            builder.setAcceptanceCriteria("The Export button downloads widgets.csv\nColumns: id, name, price\nUTF-8");
            builder.setReviewers("bob\ncarol\ndave");
            builder.setDestination("main");
            builder.setCloseSourceBranch(true);
            builder.setAcceptanceTasks(false);
            builder.setDefaultReviewers(true);
            return List.of(builder, new OpenPullRequestBuilder("KON-1"));
        });
        samples.put(PullRequestStatusBuilder.class, () -> {
            PullRequestStatusBuilder builder = new PullRequestStatusBuilder();
            builder.setId("7");
            builder.setTicket("KON-42");
            return List.of(builder);
        });
        samples.put(KonductroBuildAction.class, this::buildActions);
        samples.put(BitbucketAccountsProperty.class, PersistedStateTest::accounts);
        samples.put(BitbucketApiTokenCredentialsImpl.class, this::credentials);
        samples.put(KonductroConfiguration.class, () -> {
            KonductroConfiguration configuration = unconstructed(KonductroConfiguration.class);
            set(configuration, "stateCacheSeconds", 45);
            return List.of(configuration);
        });
        return samples;
    }

    private interface SettingMaker {
        Object make(String provider, List<LinkedRepository> repositories);
    }

    /**
     * No repository, one, two and three, as Job DSL and a Jenkinsfile's properties make them (not a form save, whose
     * lookups ProjectSettingTest covers: the values kept are the same).
     */
    private static List<Object> projectSettings(SettingMaker maker) {
        return replacing("io.jenkins.plugins.konductro.project.LinkChecks", (proxy, method, args) -> Optional.empty(),
                () -> projectSettingsMadeBy(maker));
    }

    private static List<Object> projectSettingsMadeBy(SettingMaker maker) {
        List<LinkedRepository> three = new ArrayList<>(List.of(new LinkedRepository("acme-team", "widgets"),
                new LinkedRepository("acme-team", "gadgets"), new LinkedRepository("acme-labs", "sprockets")));
        List<Object> settings = new ArrayList<>();
        settings.add(maker.make(null, null));
        settings.add(maker.make("bitbucket", new ArrayList<>()));
        settings.add(maker.make("bitbucket", new ArrayList<>(three.subList(0, 1))));
        settings.add(maker.make("bitbucket", new ArrayList<>(three.subList(0, 2))));
        settings.add(maker.make("bitbucket", three));
        settings.add(maker.make("bitbucket", List.of(new LinkedRepository("acme-team", "widgets"),
                new LinkedRepository("acme-team", "gadgets"), new LinkedRepository("acme-labs", "sprockets"))));
        return settings;
    }

    /** A build that started two tickets' branches, pushed their specs, opened and read their pull requests. */
    private List<Object> buildActions() {
        try {
            TestBuild build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                    .owns("alice-acme", "acme-team", "alice@acme.test", fixture.sandbox().demoToken("alice"));
            for (String ticket : List.of("KON-42", "KON-43")) {
                build.useCases().startBranch().run(StartBranchRequest.of("acme-team/widgets", ticket), build);
                build.useCases().pushSpec().run(PushSpecRequest.of("acme-team/widgets", ticket).withSpec("# " + ticket + "\n"), build);
                build.useCases().openPullRequest().run(OpenPullRequestRequest.of("acme-team/widgets", ticket)
                        .withAcceptanceCriteria(List.of("One", "Two", "Three")), build);
                build.useCases().pullRequestStatus().run(PullRequestStatusRequest.of("acme-team/widgets").withTicket(ticket), build);
            }
            build.log();
            KonductroBuildAction empty = construct(KonductroBuildAction.class);
            KonductroBuildAction filled = construct(KonductroBuildAction.class);
            set(filled, "record", build.record());
            assertFalse(filled.record().pullRequests().isEmpty());
            return List.of(empty, filled);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Object> accounts() {
        try {
            Method with = BitbucketAccountsProperty.class.getDeclaredMethod("withAccount", BitbucketAccountsProperty.class, VerifiedAccount.class);
            with.setAccessible(true);
            Object one = with.invoke(null, null, new VerifiedAccount("acme-team", "{1b7e}", "Alice Doe"));
            Object three = one;
            for (String workspace : List.of("acme-labs", "acme-ops")) {
                three = with.invoke(null, three, new VerifiedAccount(workspace, "{1b7e}", "Alice Doe"));
            }
            return List.of(one, three);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A credential as saving it makes it, verified against the sandbox. */
    private List<Object> credentials() {
        KonductroOperations operations = new KonductroOperations(fixture.client());
        return replacing("io.jenkins.plugins.konductro.credentials.impl.SaveChecks", (proxy, method, args) -> switch (method.getName()) {
            case "verify" -> io.jenkins.plugins.konductro.credentials.CredentialForm.verify(operations, (String) args[0],
                    (String) args[1], fixture.sandbox().demoToken("alice"));
            case "fromAddDialog" -> false;
            default -> null;
        }, () -> List.of(new BitbucketApiTokenCredentialsImpl(null, "alice-acme", "mine", "acme-team", "alice@acme.test",
                construct(hudson.util.Secret.class, "not a real token"))));
    }

    /**
     * What {@code make} returns while the plugin's seam {@code seam} (a package-private interface with a static
     * {@code replacedBy}) answers as {@code answers} says.
     */
    private static List<Object> replacing(String seam, InvocationHandler answers, Callable<List<Object>> make) {
        try {
            Class<?> type = Class.forName(seam);
            Method replacedBy = type.getDeclaredMethod("replacedBy", type);
            replacedBy.setAccessible(true);
            Object replacement = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, answers);
            try (AutoCloseable replaced = (AutoCloseable) replacedBy.invoke(null, replacement)) {
                return make.call();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Class<?>> pluginClasses() throws IOException {
        Path root = JenkinsClassFilter.pluginClasses();
        Path plugin = root.resolve("io/jenkins/plugins/konductro");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(plugin)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, PersistedStateTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertTrue(classes.size() > 50, "read the plugin's classes from " + plugin);
        return classes;
    }

    private static <T> T construct(Class<T> type, Object... args) {
        try {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == args.length) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(args));
                }
            }
            throw new AssertionError("no constructor of " + args.length + " arguments in " + type);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** An instance made as XStream makes one when Jenkins loads it: without its constructor. */
    private static <T> T unconstructed(Class<T> type) {
        return type.cast(new SunUnsafeReflectionProvider().newInstance(type));
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
