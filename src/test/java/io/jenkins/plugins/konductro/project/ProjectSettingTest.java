package io.jenkins.plugins.konductro.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import io.jenkins.plugins.konductro.usecases.LinkedRepositories;
import io.jenkins.plugins.konductro.usecases.OwnCredentials;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.HttpResponse;

/**
 * The job and folder properties as Jenkins builds them: from a Jenkinsfile's {@code properties([...])} (evaluated by
 * Groovy, bound by symbol and argument names as Pipeline's data binding does), and from a person's form save, whose
 * lookups go to the sandbox.
 */
class ProjectSettingTest {
    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private LinkChecks checks = owner -> Optional.empty();
    private AutoCloseable replaced;

    @BeforeEach
    void checksAsTheTestSays() {
        replaced = LinkChecks.replacedBy(owner -> checks.formSave(owner));
    }

    @AfterEach
    void restoreChecks() throws Exception {
        replaced.close();
    }

    @Test
    void theReadmesJenkinsfilePropertiesSetTheJobsSetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> calls = propertiesCalls(readme);
        assertEquals(3, calls.size(), "the set-up section's, the complete Jenkinsfile's and the default reviewers' example");
        for (String call : calls) {
            List<Object> properties = evaluate(call);
            KonductroProjectProperty setting = assertInstanceOf(KonductroProjectProperty.class, properties.get(0));
            assertEquals(call.contains("defaultReviewers: true"), setting.isDefaultReviewers(), call);
            assertEquals("bitbucket", setting.getProvider());
            assertEquals(List.of(RepositoryRef.of("acme-team", "widgets")), ProjectSetting.linked(setting).repositories());
            LinkedRepository linked = setting.getRepositories().get(0);
            assertEquals(List.of("bitbucket", "acme-team", "widgets"),
                    List.of(linked.getProvider(), linked.getWorkspace(), linked.getRepo()));
        }
        KonductroProjectProperty bySymbol = (KonductroProjectProperty) evaluate("properties([konductroProject(repositories: "
                + "[bitbucketRepository(workspace: 'acme-team', repo: 'https://bitbucket.org/acme-team/gadgets.git')])])").get(0);
        assertEquals(List.of(RepositoryRef.of("acme-team", "gadgets")), ProjectSetting.linked(bySymbol).repositories(),
                "stored as the typed identifier, whatever form it was given in");
    }

    @Test
    void aFormThatLinksNothingAndAsksForNothingLeavesNoSettingOnTheJobOrFolder() {
        assertNull(ProjectSetting.keptWhenSet(new KonductroProjectProperty(null, null)));
        assertNull(ProjectSetting.keptWhenSet(new KonductroFolderProperty("bitbucket", new ArrayList<>())));
        KonductroProjectProperty linking = new KonductroProjectProperty("bitbucket",
                new ArrayList<>(List.of(new LinkedRepository("acme-team", "widgets"))));
        assertSame(linking, ProjectSetting.keptWhenSet(linking));
        KonductroFolderProperty askingForDefaultReviewers = new KonductroFolderProperty(null, null);
        askingForDefaultReviewers.setDefaultReviewers(true);
        assertSame(askingForDefaultReviewers, ProjectSetting.keptWhenSet(askingForDefaultReviewers));
    }

    @Test
    void aJenkinsfilesSettingAddedAfterTheFormsIsTheOneThatApplies() {
        KonductroProjectProperty fromForm = new KonductroProjectProperty(null, new ArrayList<>(List.of(new LinkedRepository("acme-team", "gadgets"))));
        KonductroProjectProperty fromJenkinsfile = (KonductroProjectProperty) evaluate(
                "properties([konductroProject(repositories: [[workspace: 'acme-team', repo: 'widgets']])])").get(0);
        assertSame(fromJenkinsfile, ProjectSetting.latest(List.of("another job property", fromForm, fromJenkinsfile)));
        assertSame(fromForm, ProjectSetting.latest(List.of(fromForm, "another job property")));
        assertNull(ProjectSetting.latest(List.of("another job property")));
    }

    @Test
    void aJenkinsfileWithAMalformedSettingFailsWithTheMessage() {
        SettingNotSaved server = assertThrows(SettingNotSaved.class, () -> evaluate("properties([konductroProject(repositories: "
                + "[[workspace: 'acme', repo: 'https://git.acme.test/scm/acme/widgets.git']])])"));
        assertTrue(server.getMessage().contains("Bitbucket Server and Data Center are not supported"), server.getMessage());
        assertInstanceOf(HttpResponse.class, server, "a form save answers with the message, as a FormException does");
        assertEquals("repositories", server.field());
        SettingNotSaved provider = assertThrows(SettingNotSaved.class,
                () -> evaluate("properties([konductroProject(provider: 'github', repositories: [])])"));
        assertEquals("provider", provider.field());
        assertThrows(IllegalArgumentException.class, () -> evaluate("properties([konductroProject(repos: [])])"),
                "an argument the setting does not have");
    }

    @Test
    void aFormSaveLooksUpOnlyTheAddedRepositoriesWithTheSaversOwnToken() throws Exception {
        fixture.sandbox().addRepository("acme-team", "gadgets", "main", true);
        fixture.sandbox().addPrivateRepository("acme-team", "payroll", "bob@acme.test");
        LinkRepositories linking = new LinkRepositories(new KonductroOperations(fixture.client()));
        LinkedRepositories before = new LinkedRepositories(List.of(RepositoryRef.of("acme-team", "widgets")));
        checks = owner -> Optional.of(new LinkChecks.FormSave(before, own(fixture.alice()), linking));

        int requests = fixture.requestsDuring(() -> {
            KonductroFolderProperty folder = new KonductroFolderProperty(null, List.of(new LinkedRepository("acme-team", "widgets"),
                    new LinkedRepository("acme-team", "gadgets")));
            assertEquals(2, folder.getRepositories().size());
        });
        assertEquals(1, requests, "widgets was linked already");

        SettingNotSaved hidden = assertThrows(SettingNotSaved.class,
                () -> new KonductroProjectProperty("bitbucket", List.of(new LinkedRepository("acme-team", "payroll"))));
        assertTrue(hidden.getMessage().startsWith("Linked repository acme-team/payroll: Bitbucket Cloud has no such "
                + "repository that alice@acme.test may see."), hidden.getMessage());
    }

    @Test
    void bothPropertiesAreDataBoundWithTheSameFieldsAndSymbol() {
        for (Class<?> type : List.of(KonductroProjectProperty.class, KonductroFolderProperty.class)) {
            assertEquals(List.of("provider", "repositories"), Arrays.stream(dataBoundConstructor(type).getParameters())
                    .map(java.lang.reflect.Parameter::getName).toList());
            assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("setDefaultReviewers")
                    && m.isAnnotationPresent(DataBoundSetter.class)));
            assertEquals(List.of("konductroProject"), List.of(symbolOf(type)));
        }
    }

    // ------------------------------------------------------------------ a Jenkinsfile's properties, as Pipeline binds them

    private static OwnCredentials own(ApiTokenCredential credential) {
        return new OwnCredentials() {
            @Override
            public Optional<ApiTokenCredential> ownCredential(String workspace) {
                return credential.workspace().equals(workspace) ? Optional.of(credential) : Optional.empty();
            }

            @Override
            public String whyNot(String workspace) {
                return "none";
            }
        };
    }

    /** Each {@code properties([...])} call of the README's Groovy blocks. */
    private static List<String> propertiesCalls(String readme) {
        List<String> calls = new ArrayList<>();
        Matcher block = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            String code = block.group(1);
            int start = code.indexOf("properties([");
            if (start < 0 || !code.contains("konductroProject")) {
                continue;
            }
            int depth = 0;
            int end = start + "properties".length();
            do {
                char c = code.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } while (depth > 0);
            calls.add(code.substring(start, end));
        }
        return calls;
    }

    /** Evaluates a Jenkinsfile's {@code properties} call: each symbol builds its describable from named arguments. */
    private static List<Object> evaluate(String script) {
        Binding binding = new Binding();
        List<Object> set = new ArrayList<>();
        binding.setVariable("properties", closure(args -> {
            set.addAll((List<?>) args[0]);
            return null;
        }));
        for (Class<?> type : List.of(KonductroProjectProperty.class, LinkedRepository.class)) {
            binding.setVariable(symbolOf(type), closure(args -> instantiate(type,
                    args.length == 0 ? Map.of() : castMap(args[0]))));
        }
        new GroovyShell(binding).evaluate(script);
        return set;
    }

    private interface Body {
        Object call(Object[] args);
    }

    private static Closure<Object> closure(Body body) {
        return new Closure<>(null) {
            @Override
            public Object call(Object... args) {
                return body.call(args);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static String symbolOf(Class<?> type) {
        for (Class<?> nested : type.getClasses()) {
            if (nested.isAnnotationPresent(Symbol.class)) {
                return nested.getAnnotation(Symbol.class).value()[0];
            }
        }
        throw new AssertionError(type + " has no symbol");
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors()).filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst().orElseThrow();
    }

    /** As Pipeline's data binding: constructor parameters by name, the rest through setters, a list of maps as a list of describables. */
    private static Object instantiate(Class<?> type, Map<String, Object> arguments) {
        Map<String, Object> left = new LinkedHashMap<>(arguments);
        Constructor<?> constructor = dataBoundConstructor(type);
        Object[] values = new Object[constructor.getParameterCount()];
        for (int i = 0; i < values.length; i++) {
            java.lang.reflect.Parameter parameter = constructor.getParameters()[i];
            values[i] = coerce(parameter.getParameterizedType(), left.remove(parameter.getName()));
        }
        Object instance;
        try {
            instance = constructor.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Method> setters = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                setters.put(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4), method);
            }
        }
        for (Map.Entry<String, Object> entry : left.entrySet()) {
            Method setter = setters.get(entry.getKey());
            if (setter == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no argument " + entry.getKey());
            }
            try {
                setter.invoke(instance, coerce(setter.getGenericParameterTypes()[0], entry.getValue()));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static Object coerce(Type type, Object value) {
        if (value instanceof List<?> list && type instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element && element != String.class) {
            return list.stream().map(item -> item instanceof Map<?, ?> map ? instantiate(element, castMap(map)) : item).toList();
        }
        return value instanceof groovy.lang.GString g ? g.toString() : value;
    }
}
