package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.tasks.BuildStepDescriptor;
import io.jenkins.plugins.konductro.credentials.impl.BitbucketApiTokenCredentialsImpl;
import io.jenkins.plugins.konductro.freestyle.KonductroBuilder;
import io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder;
import io.jenkins.plugins.konductro.freestyle.PullRequestStatusBuilder;
import io.jenkins.plugins.konductro.freestyle.PushSpecBuilder;
import io.jenkins.plugins.konductro.freestyle.StartBranchBuilder;
import io.jenkins.plugins.konductro.project.KonductroFolderProperty;
import io.jenkins.plugins.konductro.project.KonductroProjectProperty;
import io.jenkins.plugins.konductro.steps.KonductroStep;
import io.jenkins.plugins.konductro.steps.OpenPullRequestStep;
import io.jenkins.plugins.konductro.steps.PullRequestStatusStep;
import io.jenkins.plugins.konductro.steps.PushSpecStep;
import io.jenkins.plugins.konductro.steps.StartBranchStep;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The views and help files Jenkins would render, checked against the classes they configure. */
class ViewsTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String JELLY_HEADER = "<?jelly escape-by-default='true'?>";

    /** The documented arguments of each step (issue 3 §5; repository optional since issue 10): required ones, then optional ones. */
    private static final Map<Class<? extends KonductroStep>, List<List<String>>> ARGUMENTS = Map.of(
            StartBranchStep.class, List.of(List.of("ticket"), List.of("repository", "summary", "branch", "from", "credentialsId")),
            PushSpecStep.class, List.of(List.of("ticket"), List.of("repository", "branch", "spec", "file", "message", "credentialsId")),
            OpenPullRequestStep.class, List.of(List.of("ticket"), List.of("repository", "branch", "title", "description",
                    "acceptanceCriteria", "destination", "reviewers", "closeSourceBranch", "acceptanceTasks", "defaultReviewers",
                    "credentialsId")),
            PullRequestStatusStep.class, List.of(List.of(), List.of("repository", "id", "branch", "ticket", "credentialsId")));

    /** Each freestyle build step has the fields of its Pipeline step (issue 7 §2). */
    private static final Map<Class<? extends KonductroBuilder>, Class<? extends KonductroStep>> BUILDERS = Map.of(
            StartBranchBuilder.class, StartBranchStep.class, PushSpecBuilder.class, PushSpecStep.class,
            OpenPullRequestBuilder.class, OpenPullRequestStep.class, PullRequestStatusBuilder.class, PullRequestStatusStep.class);

    private static final Map<Class<? extends KonductroBuilder>, String> BUILDER_NAMES = Map.of(
            StartBranchBuilder.class, "Konductro: start the ticket's branch",
            PushSpecBuilder.class, "Konductro: push the ticket's spec",
            OpenPullRequestBuilder.class, "Konductro: open the ticket's pull request",
            PullRequestStatusBuilder.class, "Konductro: read the pull request's status");

    /** The steps' names in the Snippet Generator, word for word (a single quote read by MessageFormat must survive). */
    private static final Map<Class<? extends KonductroStep>, String> STEP_NAMES = Map.of(
            StartBranchStep.class, "Konductro: start the ticket's branch in Bitbucket Cloud",
            PushSpecStep.class, "Konductro: push the ticket's spec to its branch",
            OpenPullRequestStep.class, "Konductro: open the ticket's pull request",
            PullRequestStatusStep.class, "Konductro: read a pull request's state");

    private static final Map<Class<? extends KonductroStep>, String> FUNCTION_NAMES = Map.of(
            StartBranchStep.class, "konductroStartBranch", PushSpecStep.class, "konductroPushSpec",
            OpenPullRequestStep.class, "konductroOpenPr", PullRequestStatusStep.class, "konductroPrStatus");

    @Test
    void everyJellyFileIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> jelly = files(".jelly");
        assertTrue(jelly.size() >= 10, "index, the credential's view and a config per step and build step: " + jelly);
        for (Path file : jelly) {
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith(JELLY_HEADER), file + " must begin with " + JELLY_HEADER);
            parse(file);
        }
    }

    @Test
    void everyHelpFileIsWellFormed() throws Exception {
        for (Path file : files(".html")) {
            parse(file);
        }
    }

    @Test
    void everyFieldOfAViewIsAnArgumentOfItsClassAndHasHelp() throws Exception {
        for (Path view : files(".jelly")) {
            if (!FORMS.contains(view.getFileName().toString())) {
                continue;
            }
            Class<?> owner = Class.forName(RESOURCES.relativize(view.getParent()).toString().replace('/', '.'));
            Set<String> arguments = arguments(owner);
            for (String field : fields(view)) {
                assertTrue(arguments.contains(field), view + ": field '" + field + "' is not an argument of " + owner.getName()
                        + " " + arguments);
                assertTrue(shownHelp(owner, field) != null, view + ": no help-" + field + ".html");
            }
        }
    }

    @Test
    void eachStepTakesExactlyItsDocumentedArgumentsAndShowsThemAll() throws Exception {
        for (var entry : ARGUMENTS.entrySet()) {
            Class<? extends KonductroStep> step = entry.getKey();
            assertEquals(entry.getValue().get(0), parameterNames(dataBoundConstructor(step)), step.getSimpleName() + " required");
            assertEquals(new TreeSet<>(entry.getValue().get(1)), setterNames(step), step.getSimpleName() + " optional");
            Set<String> all = new LinkedHashSet<>(entry.getValue().get(0));
            all.addAll(entry.getValue().get(1));
            assertEquals(all, new LinkedHashSet<>(fields(view(step, "config.jelly"))), step.getSimpleName() + " config.jelly");
            assertTrue(Files.exists(view(step, "help.html")), step.getSimpleName() + " has no help.html");

            Class<?> descriptor = Class.forName(step.getName() + "$DescriptorImpl");
            assertTrue(StepDescriptor.class.isAssignableFrom(descriptor));
            assertTrue(descriptor.isAnnotationPresent(hudson.Extension.class), descriptor + " is not an @Extension");
            StepDescriptor stepDescriptor = (StepDescriptor) descriptor.getConstructor().newInstance();
            assertEquals(FUNCTION_NAMES.get(step), stepDescriptor.getFunctionName());
            assertEquals(STEP_NAMES.get(step), stepDescriptor.getDisplayName());
        }
    }

    @Test
    void eachFreestyleBuildStepTakesTheFieldsOfItsPipelineStepAndShowsThemAll() throws Exception {
        Set<String> functionNames = new TreeSet<>(FUNCTION_NAMES.values());
        for (var entry : BUILDERS.entrySet()) {
            Class<? extends KonductroBuilder> builder = entry.getKey();
            List<List<String>> expected = ARGUMENTS.get(entry.getValue());
            assertEquals(expected.get(0), parameterNames(dataBoundConstructor(builder)), builder.getSimpleName() + " required");
            assertEquals(new TreeSet<>(expected.get(1)), setterNames(builder), builder.getSimpleName() + " optional");
            Set<String> all = new LinkedHashSet<>(expected.get(0));
            all.addAll(expected.get(1));
            assertEquals(all, new LinkedHashSet<>(fields(view(builder, "config.jelly"))), builder.getSimpleName() + " config.jelly");

            Class<?> descriptor = Class.forName(builder.getName() + "$DescriptorImpl");
            assertTrue(BuildStepDescriptor.class.isAssignableFrom(descriptor));
            assertTrue(descriptor.isAnnotationPresent(hudson.Extension.class), descriptor + " is not an @Extension");
            Descriptor<?> instance = (Descriptor<?>) descriptor.getConstructor().newInstance();
            assertEquals(BUILDER_NAMES.get(builder), instance.getDisplayName());
            // Descriptor.getHelpFile() asks getHelpFile(null): the overview the hetero-list of build steps shows.
            assertEquals(view(entry.getValue(), "help.html"), served(instance.getHelpFile(null)), builder.getSimpleName());
            for (String field : all) {
                assertEquals(helpFile(entry.getValue(), field), served(instance.getHelpFile(field)), builder + " " + field);
            }
            Symbol symbol = descriptor.getAnnotation(Symbol.class);
            if (symbol != null) {
                for (String name : symbol.value()) {
                    assertFalse(functionNames.contains(name), builder + ": @Symbol " + name + " is a Pipeline step's name");
                }
            }
        }
    }

    /**
     * The freestyle build steps show their Pipeline step's texts, the folder setting the job setting's: no form keeps a
     * help text of its own that another form's descriptor serves too.
     */
    @Test
    void eachHelpTextIsKeptOnceWhereItsStepOrSettingIs() throws Exception {
        List<Class<?>> borrowers = new ArrayList<>(BUILDERS.keySet());
        borrowers.add(KonductroBuilder.class);
        borrowers.add(KonductroFolderProperty.class);
        for (Class<?> borrower : borrowers) {
            try (Stream<Path> files = Files.exists(view(borrower, "")) ? Files.list(view(borrower, "")) : Stream.empty()) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("help")).toList(),
                        borrower.getSimpleName() + " shows another form's help");
            }
        }
        Descriptor<?> folder = new KonductroFolderProperty.DescriptorImpl();
        for (String field : fields(view(KonductroFolderProperty.class, "config.jelly"))) {
            assertEquals(helpFile(KonductroProjectProperty.class, field), served(folder.getHelpFile(field)), field);
        }
        assertEquals(null, folder.getHelpFile(null), "neither setting has an overview");
    }

    /**
     * The steps' and build steps' forms show only localizable text: each title or text is a {@code ${%…}} expression
     * (Stapler shows its key when the view has no {@code .properties} entry for it); one with arguments needs the entry,
     * and an entry is read by MessageFormat, so a single quote in it is written twice.
     */
    @Test
    void theStepFormsWriteTheirTextsAsLocalizableExpressions() throws Exception {
        java.util.regex.Pattern localizable = java.util.regex.Pattern.compile("\\$\\{%([^(}]+)(\\(.*\\))?}");
        int texts = 0;
        for (Path view : files(".jelly")) {
            String where = RESOURCES.relativize(view).toString();
            if (!where.startsWith("io/jenkins/plugins/konductro/steps/") && !where.startsWith("io/jenkins/plugins/konductro/freestyle/")) {
                continue;
            }
            java.util.Properties entries = new java.util.Properties();
            Path properties = view.resolveSibling(view.getFileName().toString().replace(".jelly", ".properties"));
            if (Files.exists(properties)) {
                try (var in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                    entries.load(in);
                }
            }
            List<String> shown = new ArrayList<>();
            NodeList all = parse(view).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                for (String attribute : List.of("title", "description", "add", "value")) {
                    if (element.hasAttribute(attribute)) {
                        shown.add(element.getAttribute(attribute));
                    }
                }
                for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE && !child.getTextContent().isBlank()) {
                        shown.add(child.getTextContent().strip());
                    }
                }
            }
            for (String text : shown) {
                java.util.regex.Matcher m = localizable.matcher(text);
                assertTrue(m.matches(), view + ": \"" + text + "\" is not a ${%…} expression");
                String entry = entries.getProperty(m.group(1));
                assertTrue(m.group(2) == null || entry != null, view + ": ${%" + m.group(1) + "} takes arguments: no entry in " + properties);
                assertTrue(entry == null || !entry.replace("''", "").contains("'"), properties + ": a single quote is written '' in " + entry);
                texts++;
            }
        }
        assertTrue(texts >= 40, "the eight forms' titles: " + texts);
    }

    @Test
    void theFieldChecksAreOfflineMethodsOfEveryDescriptor() throws Exception {
        for (Class<?> type : List.<Class<?>>of(StartBranchStep.class, StartBranchBuilder.class, PushSpecBuilder.class,
                OpenPullRequestBuilder.class, PullRequestStatusBuilder.class)) {
            Class<?> descriptor = Class.forName(type.getName() + "$DescriptorImpl");
            for (String field : List.of("Repository", "Ticket")) {
                Method check = descriptor.getMethod("doCheck" + field, String.class);
                assertTrue(check.getParameters()[0].isAnnotationPresent(QueryParameter.class), check.toString());
            }
        }
    }

    @Test
    void everyDropDownHasItsFillMethodBehindAPost() throws Exception {
        List<Class<?>> owners = new ArrayList<>(ARGUMENTS.keySet());
        owners.addAll(BUILDERS.keySet());
        for (Class<?> step : owners) {
            NodeList selects = parse(view(step, "config.jelly")).getElementsByTagNameNS("/lib/credentials", "select");
            assertEquals(1, selects.getLength(), step + ": the credentials picker");
            String field = ((Element) selects.item(0).getParentNode()).getAttribute("field");
            Method fill = Class.forName(step.getName() + "$DescriptorImpl").getMethod("doFill" + capitalized(field) + "Items",
                    hudson.model.Item.class, String.class);
            assertEquals(List.of(field), Arrays.stream(fill.getParameters())
                    .filter(p -> p.isAnnotationPresent(QueryParameter.class)).map(Parameter::getName).toList());
            assertTrue(fill.isAnnotationPresent(org.kohsuke.stapler.verb.POST.class), fill + " lists credentials: @POST");
        }
    }

    @Test
    void theVerifyButtonSendsWhatItsMethodReads() throws Exception {
        Path view = view(BitbucketApiTokenCredentialsImpl.class, "credentials.jelly");
        Element button = (Element) parse(view).getElementsByTagNameNS("/lib/form", "validateButton").item(0);
        Method verify = Arrays.stream(BitbucketApiTokenCredentialsImpl.DescriptorImpl.class.getMethods())
                .filter(m -> m.getName().equals("do" + capitalized(button.getAttribute("method"))))
                .findFirst().orElseThrow();
        List<String> queried = Arrays.stream(verify.getParameters())
                .filter(p -> p.isAnnotationPresent(QueryParameter.class))
                .map(Parameter::getName)
                .toList();
        assertEquals(List.of(button.getAttribute("with").split(",")), queried);
        assertTrue(verify.isAnnotationPresent(org.kohsuke.stapler.verb.POST.class), "a check that calls Bitbucket is @POST");
    }

    @Test
    void theReadmesPipelineExamplesUseOnlyTheStepsArguments() throws IOException {
        Map<String, Set<String>> byFunction = new java.util.HashMap<>();
        ARGUMENTS.forEach((step, args) -> byFunction.put(FUNCTION_NAMES.get(step),
                new TreeSet<>(args.stream().flatMap(List::stream).toList())));
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("\\b(konductro[A-Za-z]+)\\s+(\\w+:.*)");
        int calls = 0;
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = call.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            StringBuilder statement = new StringBuilder(m.group(2));
            while (statement.toString().strip().endsWith(",")) {
                statement.append(' ').append(lines.get(++i));
            }
            String withoutStrings = statement.toString().replaceAll("'[^']*'|\"[^\"]*\"", "''");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("(\\w+):").matcher(withoutStrings);
            while (name.find()) {
                assertTrue(byFunction.get(m.group(1)).contains(name.group(1)),
                        "README line " + (i + 1) + ": " + m.group(1) + " has no argument " + name.group(1));
            }
            calls++;
        }
        assertTrue(calls >= 4, "the README shows the steps in use");
    }

    /** The views that are forms; the others (pages, badges) show values and have no fields. */
    private static final Set<String> FORMS = Set.of("config.jelly", "credentials.jelly");

    @Test
    void pagesUseOnlyPropertiesTheirObjectsHaveAndNoInlineScript() throws Exception {
        Map<String, Class<?>> owners = Map.of(
                "KonductroBuildAction/summary.jelly", io.jenkins.plugins.konductro.pages.KonductroBuildAction.class,
                "KonductroBuildAction/badge.jelly", io.jenkins.plugins.konductro.pages.KonductroBuildAction.class,
                "KonductroJobAction/jobMain.jelly", io.jenkins.plugins.konductro.pages.KonductroJobAction.class,
                "KonductroBuildAction/pullRequest.jelly", io.jenkins.plugins.konductro.pages.KonductroBuildAction.class);
        java.util.regex.Pattern property = java.util.regex.Pattern.compile("\\$\\{!?(it|pr)\\.(\\w+)");
        for (var entry : owners.entrySet()) {
            Path view = RESOURCES.resolve("io/jenkins/plugins/konductro/pages").resolve(entry.getKey());
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertFalse(text.contains("<script"), view + ": Jenkins' Content-Security-Policy forbids inline script");
            java.util.regex.Matcher m = property.matcher(text);
            while (m.find()) {
                Class<?> type = m.group(1).equals("it") ? entry.getValue() : io.jenkins.plugins.konductro.pages.PullRequestView.class;
                String name = m.group(2);
                // Jenkins' JEXL reads getName() or isName(): a record's name() accessor is invisible to a view.
                boolean found = Arrays.stream(type.getMethods()).anyMatch(method -> method.getParameterCount() == 0
                        && (method.getName().equals("get" + capitalized(name)) || method.getName().equals("is" + capitalized(name))));
                assertTrue(found, view + ": " + type.getSimpleName() + " has no property " + name);
            }
            java.util.regex.Matcher adjunct = java.util.regex.Pattern.compile("adjunct includes=\"([\\w.-]+)\"").matcher(text);
            while (adjunct.find()) {
                String path = adjunct.group(1).replaceAll("\\.(?=[^.]*$)", "/").replace('.', '/');
                assertTrue(Files.exists(RESOURCES.resolve(adjunct.group(1).replace('.', '/') + ".js")),
                        view + ": no adjunct " + adjunct.group(1) + " (" + path + ")");
            }
        }
    }

    private static Set<String> arguments(Class<?> type) {
        Set<String> arguments = new TreeSet<>(Arrays.stream(type.getConstructors())
                .anyMatch(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                ? parameterNames(dataBoundConstructor(type)) : List.of());
        arguments.addAll(setterNames(type));
        return arguments;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors()).filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst().orElseThrow(() -> new AssertionError(type + " has no @DataBoundConstructor"));
    }

    private static List<String> parameterNames(Constructor<?> constructor) {
        return Arrays.stream(constructor.getParameters()).map(Parameter::getName).toList();
    }

    private static Set<String> setterNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                assertTrue(method.getName().startsWith("set") && method.getParameterCount() == 1
                        && !Modifier.isStatic(method.getModifiers()), method.toString());
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }

    private static List<String> fields(Path view) throws Exception {
        List<String> fields = new ArrayList<>();
        NodeList all = parse(view).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String field = ((Element) all.item(i)).getAttribute("field");
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        assertFalse(fields.isEmpty(), view + " has no fields");
        return fields;
    }

    /** Where Jenkins finds a field's help: beside the class's views, or beside a superclass's. */
    private static Path helpFile(Class<?> type, String field) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Path help = view(c, "help-" + field + ".html");
            if (Files.exists(help)) {
                return help;
            }
        }
        return null;
    }

    /**
     * The help a form shows for a field: what its descriptor's {@code getHelpFile(field)} answers when the descriptor
     * answers it itself (then from another form's texts), else what Jenkins finds for the form's own class.
     */
    private static Path shownHelp(Class<?> owner, String field) throws Exception {
        Class<?> descriptor = Arrays.stream(owner.getClasses()).filter(c -> c.getSimpleName().equals("DescriptorImpl"))
                .findFirst().orElse(null);
        if (descriptor != null && descriptor.getMethod("getHelpFile", String.class).getDeclaringClass() != Descriptor.class) {
            return served(((Descriptor<?>) descriptor.getConstructor().newInstance()).getHelpFile(field));
        }
        return helpFile(owner, field);
    }

    /**
     * The file Jenkins serves at a descriptor's help URL, {@code /descriptor/<id>/help[/<field>]}, as its doHelp finds it;
     * {@code null} for no URL (no help link).
     */
    private static Path served(String url) throws ClassNotFoundException {
        if (url == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/descriptor/([\\w.$]+)/help(?:/(\\w+))?").matcher(url);
        assertTrue(m.matches(), url);
        Class<?> owner = Class.forName(m.group(1));
        Path help = m.group(2) == null ? view(owner, "help.html") : helpFile(owner, m.group(2));
        assertTrue(help != null && Files.exists(help), url + " serves nothing");
        return help;
    }

    private static Path view(Class<?> type, String name) {
        return RESOURCES.resolve(type.getName().replace('.', '/')).resolve(name);
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
