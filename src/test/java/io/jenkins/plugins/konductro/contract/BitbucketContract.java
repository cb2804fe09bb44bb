package io.jenkins.plugins.konductro.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one {@link Exchange} (request and response) against Atlassian's OpenAPI definition of Bitbucket Cloud,
 * trimmed to the operations Konductro uses ({@code src/test/resources/contract/bitbucket-cloud-used-operations.json},
 * made by {@link ContractTrimmer}).
 *
 * <p>The definition has defects of its own. Each one this check tolerates is a constant of {@link Tolerance},
 * applied either as a narrow patch of the document when it is loaded or as a filter of the validator's
 * messages scoped to named operations; nothing else is tolerated. One requirement the definition states only in
 * prose is enforced: {@link Requirement}.
 *
 * <p>The document is loaded and the validator built once per JVM; instances are cheap and thread-safe.
 */
public final class BitbucketContract {

    /** Class-path location of the trimmed definition. */
    public static final String RESOURCE = "/contract/bitbucket-cloud-used-operations.json";

    /** Stack size of the threads that run the validator: the definition's schemas are deeply recursive. */
    static final long VALIDATION_STACK_BYTES = 64L << 20;

    // Operation templates, exactly as in the definition.
    static final String GET_USER = "GET /user";
    static final String GET_WORKSPACE_PERMISSION = "GET /user/workspaces/{workspace}/permission";
    static final String LIST_REPOSITORIES = "GET /repositories/{workspace}";
    static final String GET_REPOSITORY = "GET /repositories/{workspace}/{repo_slug}";
    static final String GET_BRANCH = "GET /repositories/{workspace}/{repo_slug}/refs/branches/{name}";
    static final String CREATE_BRANCH = "POST /repositories/{workspace}/{repo_slug}/refs/branches";
    static final String GET_SOURCE_FILE = "GET /repositories/{workspace}/{repo_slug}/src/{commit}/{path}";
    static final String COMMIT_FILES = "POST /repositories/{workspace}/{repo_slug}/src";
    static final String LIST_PULL_REQUESTS = "GET /repositories/{workspace}/{repo_slug}/pullrequests";
    static final String CREATE_PULL_REQUEST = "POST /repositories/{workspace}/{repo_slug}/pullrequests";
    static final String GET_PULL_REQUEST = "GET /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}";
    static final String LIST_TASKS = "GET /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks";
    static final String CREATE_TASK = "POST /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks";
    static final String LIST_EFFECTIVE_DEFAULT_REVIEWERS = "GET /repositories/{workspace}/{repo_slug}/effective-default-reviewers";

    /** Operations answering with a {@code paginated_*} collection. */
    static final Set<String> COLLECTION_OPERATIONS = Set.of(LIST_REPOSITORIES, LIST_PULL_REQUESTS, GET_SOURCE_FILE,
            LIST_TASKS, LIST_EFFECTIVE_DEFAULT_REVIEWERS);

    /**
     * The definition's defects this check tolerates, each by name and each scoped as narrowly as the validator's
     * messages allow. The first four are the known defects listed in {@code ../shared/bitbucket-cloud/README.md};
     * the others are marked as such.
     */
    public enum Tolerance {
        /**
         * README defect 1: request bodies are typed with the response schemas, so the {@code type} discriminator of
         * the {@code object} base schema is "required" in a POST body although Bitbucket does not need it.
         * Ignores, in request bodies only, a {@code required} failure whose only missing property is {@code type}
         * (a body missing {@code type} and anything else still fails).
         */
        TYPE_REQUIRED_IN_REQUEST_BODY,

        /**
         * README defect 2: {@code POST .../refs/branches} and {@code POST .../src} declare no request body.
         * Ignores "no request body is expected" for exactly those two operations.
         */
        UNDECLARED_REQUEST_BODY,

        /**
         * README defect 3: the query parameters every collection takes are not declared per path. Ignores an
         * unexpected query parameter named {@code q}, {@code sort}, {@code pagelen}, {@code page} or {@code fields}
         * on the collection operations ({@link #COLLECTION_OPERATIONS}), and {@code fields} (partial responses,
         * which Bitbucket accepts on every resource) on any GET. Any other unexpected query parameter is a
         * violation (the validator's default would ignore all of them).
         */
        UNDECLARED_COLLECTION_QUERY_PARAMETERS,

        /**
         * Consequence of README defect 3 (not a separate entry there): with {@code fields=} Bitbucket answers a
         * partial response, which the definition cannot describe, so required properties the request did not ask
         * for are absent. Ignores {@code required} failures in the response body, only when the request carried a
         * {@code fields} query parameter. Types and formats of what is present are still checked.
         */
        PARTIAL_RESPONSE_WITH_FIELDS,

        /**
         * README defect 4: "some response schemas are recursive: validating responses overflows the default
         * thread stack". The cause is the {@code discriminator} ({@code propertyName: type}, no mapping) of the
         * {@code object} schema every resource extends through {@code allOf}: the validator resolves e.g.
         * {@code "type": "team"} to the {@code team} schema, which is {@code allOf [account -> object]}, whose
         * discriminator resolves it to {@code team} again, without end; a bigger stack only turns the
         * {@link StackOverflowError} into an {@link OutOfMemoryError}. Patch at load time: remove that
         * discriminator ({@code required: [type]} stays). The schemas that are genuinely recursive
         * ({@code repository.parent}, {@code base_commit.parents}, {@code commit.repository}) are bounded by the
         * instance and are validated on threads with a {@value #VALIDATION_STACK_BYTES}-byte stack.
         */
        RECURSIVE_DISCRIMINATOR,

        /**
         * NOT in the README's list: from the reference (bitbucket-cloud-api.md: "the definition types detail as a
         * string; parse it as any JSON"). A 403 for missing scopes carries {@code error.detail} as an object
         * {@code {"granted": [...], "required": [...]}}. Ignores a type failure at exactly {@code /error/detail} of
         * a response body.
         */
        ERROR_DETAIL_NOT_A_STRING,

        /**
         * NOT in the README's list: from the reference (bitbucket-cloud-api.md: "Error body {type, error: {message,
         * fields, detail, id, data}}"; 400s carry {@code error.fields.<name>}), while the definition's {@code error}
         * schema allows only {@code message}, {@code detail}, {@code data} ({@code additionalProperties: false}).
         * Ignores an additionalProperties failure at exactly {@code /error} of a response body when every extra
         * property is {@code fields} or {@code id}.
         */
        ERROR_FIELDS_AND_ID_UNDECLARED,

        /**
         * NOT in the README's list: {@code GET .../src/{commit}/{path}} declares only {@code application/json}
         * (a directory listing) for 200, while for a file it returns the raw bytes with a Content-Type derived
         * from the file name (the operation's own description says so; so does the reference). Ignores a
         * non-allowed response Content-Type for that operation and status 200 only.
         */
        RAW_FILE_CONTENT_TYPE,

        /**
         * NOT in the README's list: from the reference (bitbucket-cloud-api.md: "{@code merge_commit} may be
         * null"), while the definition types it as an object and declares nothing nullable. Ignores a null-instead-
         * of-object failure at exactly {@code /merge_commit} of a pull request (or {@code /values/<n>/merge_commit}
         * of a page of them). Other nulls (e.g. {@code closed_by}) are not tolerated.
         */
        MERGE_COMMIT_NULL,

        /**
         * NOT in the README's list: the definition declares only some error statuses per operation, while the
         * reference documents others that Bitbucket sends: 403 for a missing scope on any call, 400 for an
         * existing branch name on {@code POST .../refs/branches} ("on any 4xx, read the branch"), 409 for stale
         * {@code parents} on {@code POST .../src}, 401, 404 and 410. Ignores "response status not defined" for
         * exactly those statuses (not 429 or 5xx) only when its body is a Bitbucket error object ({@code type: "error"} with a string {@code error.message});
         * any other undeclared status, or an undeclared 4xx with another body, is a violation.
         */
        UNDECLARED_ERROR_STATUS,

        /**
         * NOT in the README's list: a task is {@code pullrequest_comment_task = allOf [pullrequest_task, {comment}]}
         * with {@code pullrequest_task = allOf [task, {links}]}, and each inline part says
         * {@code additionalProperties: false}. Under {@code allOf} every part is checked alone, so the part that
         * declares only {@code links} refuses {@code id}, {@code state}, {@code content}… and no task can be valid.
         * Patch at load time: {@code additionalProperties: true} on those two inline parts (left out, the validator
         * would inject {@code false} again); {@code task} keeps its own, so a task's properties are still checked
         * (and {@code links}, {@code comment} keep their types).
         */
        TASK_ALL_OF_CLOSED,
    }

    /** Requirements the definition states in prose only, enforced by a patch of the document at load time. */
    public enum Requirement {
        /**
         * The description of {@code POST .../pullrequests} says "The minimum required fields to create a pull
         * request are {@code title} and {@code source}" but its schema requires neither. The request body schema
         * becomes {@code allOf [pullrequest, {required: [title, source]}]} (responses unchanged).
         */
        PULL_REQUEST_CREATE_REQUIRES_TITLE_AND_SOURCE,
    }

    /** The error statuses the reference documents Bitbucket answering on any of our operations. */
    private static final Set<Integer> REFERENCE_ERROR_STATUSES = Set.of(400, 401, 403, 404, 409, 410);
    private static final Set<String> COLLECTION_QUERY_PARAMETERS = Set.of("q", "sort", "pagelen", "page", "fields");
    private static final Pattern UNEXPECTED_QUERY = Pattern.compile("^Query parameter '(.*)' is unexpected on path");
    private static final Pattern ONLY_TYPE_MISSING =
            Pattern.compile("^(\\[Path '[^']*'\\] )?Object has missing required properties \\(\\[\"type\"\\]\\)$");
    private static final Pattern EXTRA_PROPERTIES =
            Pattern.compile("Object instance has properties which are not allowed by the schema: \\[(.*)\\]$");
    private static final Pattern MERGE_COMMIT = Pattern.compile("^(/values/[0-9]+)?/merge_commit$");
    /** {@code .../src/{commit}/} followed by the file path, whose slashes are not segment separators. */
    private static final Pattern SOURCE_FILE_PATH =
            Pattern.compile("^((?:/2\\.0)?/repositories/[^/]+/[^/]+/src/[^/]+/)(.+)$");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Built once, on first use (holder idiom: thread-safe, lazy). */
    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = buildValidator();
        static final List<Template> TEMPLATES = templates();
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "contract-" + THREADS.incrementAndGet(), VALIDATION_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    private static final BitbucketContract INSTANCE = new BitbucketContract();

    public BitbucketContract() {}

    public static BitbucketContract instance() {
        return INSTANCE;
    }

    /**
     * Every way the exchange departs from the contract, as human-readable lines; empty when it conforms. The request
     * is always checked; the response unless the connection was dropped ({@code status == -1}).
     */
    public List<String> violations(Exchange exchange) {
        Future<List<String>> result = EXECUTOR.submit(() -> check(exchange));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + exchange, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            // StackOverflowError and the like: say so as a violation, with the exchange.
            return List.of(exchange + ": the contract check itself failed: " + cause);
        }
    }

    /** Throws an {@link AssertionError} listing the violations, if any. */
    public void assertValid(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("Bitbucket Cloud contract violated by " + exchange + ":\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static List<String> check(Exchange exchange) {
        String rawPath = rawPath(exchange.rawTarget());
        String operation = operation(exchange.method(), rawPath);
        Request request = request(exchange, rawPath);
        ValidationReport report;
        boolean dropped = exchange.status() < 0;
        if (dropped) {
            report = Holder.VALIDATOR.validateRequest(request);
        } else {
            report = Holder.VALIDATOR.validate(request, response(exchange));
        }
        List<String> lines = new ArrayList<>();
        for (Message message : report.getMessages()) {
            Message kept = withoutTolerated(message, operation, exchange);
            if (kept != null) {
                describe(kept, lines);
            }
        }
        // The same failure is often reported once per allOf branch.
        return List.copyOf(new LinkedHashSet<>(lines));
    }

    // ---- exchange -> validator model

    private static String rawPath(String rawTarget) {
        String target = rawTarget;
        int scheme = target.indexOf("://");
        if (scheme >= 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        int fragment = target.indexOf('#');
        return fragment >= 0 ? target.substring(0, fragment) : target;
    }

    /**
     * The path handed to the validator: the raw (still percent-encoded) path, so that an encoded {@code /} in a
     * branch name stays inside its segment; the server's base path {@code /2.0} is left to the document's
     * {@code servers}. In {@code GET .../src/{commit}/{path}} the file path spans segments, which OpenAPI path
     * templating cannot express: its slashes are encoded so that it is one segment.
     */
    private static String validatorPath(String rawPath) {
        Matcher source = SOURCE_FILE_PATH.matcher(rawPath);
        if (source.matches()) {
            return source.group(1) + source.group(2).replace("/", "%2F");
        }
        return rawPath;
    }

    private static Request request(Exchange exchange, String rawPath) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), validatorPath(rawPath));
        if (exchange.query() != null) {
            exchange.query().forEach(builder::withQueryParam);
        }
        if (exchange.requestHeaders() != null) {
            exchange.requestHeaders().forEach(builder::withHeader);
        }
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
        if (exchange.responseHeaders() != null) {
            exchange.responseHeaders().forEach(builder::withHeader);
        }
        if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    // ---- tolerances

    /** The message without what a {@link Tolerance} covers, or null when nothing is left of it. */
    private static Message withoutTolerated(Message message, String operation, Exchange exchange) {
        if (message.getLevel() != Level.ERROR) {
            return null;
        }
        if (tolerance(message, operation, exchange).isPresent()) {
            return null;
        }
        List<Message> nested = message.getNestedMessages();
        if (nested.isEmpty()) {
            return message;
        }
        List<Message> kept = new ArrayList<>();
        for (Message child : nested) {
            Message k = withoutTolerated(child, operation, exchange);
            if (k != null) {
                kept.add(k);
            }
        }
        // allOf fails exactly when one of its branches fails: if every nested failure is tolerated, so is allOf.
        // (anyOf/oneOf would not follow that rule; the contract has neither, and they are kept as they are.)
        if (kept.isEmpty() && message.getKey().endsWith(".schema.allOf")) {
            return null;
        }
        return kept.size() == nested.size() ? message : new Filtered(message, kept);
    }

    /** The tolerance covering this single message (its nested messages aside), if any. */
    static Optional<Tolerance> tolerance(Message message, String operation, Exchange exchange) {
        String key = message.getKey();
        String text = message.getMessage();
        String instance = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse(null);
        if (key.equals("validation.request.body.schema.required") && ONLY_TYPE_MISSING.matcher(text).matches()) {
            return Optional.of(Tolerance.TYPE_REQUIRED_IN_REQUEST_BODY);
        }
        if (key.equals("validation.request.body.unexpected")
                && (CREATE_BRANCH.equals(operation) || COMMIT_FILES.equals(operation))) {
            return Optional.of(Tolerance.UNDECLARED_REQUEST_BODY);
        }
        if (key.equals("validation.request.parameter.query.unexpected") && operation != null) {
            Matcher m = UNEXPECTED_QUERY.matcher(text);
            if (m.find()) {
                String name = m.group(1);
                boolean collection = COLLECTION_OPERATIONS.contains(operation)
                        && COLLECTION_QUERY_PARAMETERS.contains(name);
                boolean partial = name.equals("fields") && operation.startsWith("GET ");
                if (collection || partial) {
                    return Optional.of(Tolerance.UNDECLARED_COLLECTION_QUERY_PARAMETERS);
                }
            }
        }
        if (key.equals("validation.response.body.schema.required") && exchange.queryParameter("fields") != null) {
            return Optional.of(Tolerance.PARTIAL_RESPONSE_WITH_FIELDS);
        }
        if (key.equals("validation.response.body.schema.type") && "/error/detail".equals(instance)) {
            return Optional.of(Tolerance.ERROR_DETAIL_NOT_A_STRING);
        }
        if (key.equals("validation.response.body.schema.additionalProperties") && "/error".equals(instance)) {
            Matcher m = EXTRA_PROPERTIES.matcher(text);
            if (m.find()) {
                boolean onlyFieldsAndId = true;
                for (String name : m.group(1).split(",")) {
                    String bare = name.trim().replace("\"", "");
                    onlyFieldsAndId &= bare.equals("fields") || bare.equals("id");
                }
                if (onlyFieldsAndId) {
                    return Optional.of(Tolerance.ERROR_FIELDS_AND_ID_UNDECLARED);
                }
            }
        }
        if (key.equals("validation.response.body.schema.type") && instance != null
                && MERGE_COMMIT.matcher(instance).matches() && text.contains("Instance type (null)")
                && (GET_PULL_REQUEST.equals(operation) || CREATE_PULL_REQUEST.equals(operation)
                        || LIST_PULL_REQUESTS.equals(operation))) {
            return Optional.of(Tolerance.MERGE_COMMIT_NULL);
        }
        if (key.equals("validation.response.status.unknown") && REFERENCE_ERROR_STATUSES.contains(exchange.status())
                && isErrorObject(exchange.responseBody())) {
            return Optional.of(Tolerance.UNDECLARED_ERROR_STATUS);
        }
        if (key.equals("validation.response.contentType.notAllowed")
                && GET_SOURCE_FILE.equals(operation) && exchange.status() == 200) {
            return Optional.of(Tolerance.RAW_FILE_CONTENT_TYPE);
        }
        return Optional.empty();
    }

    private static boolean isErrorObject(byte[] body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            return json != null && "error".equals(json.path("type").asText()) && json.path("error").path("message").isTextual();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // ---- messages

    private static void describe(Message message, List<String> out) {
        if (!message.getNestedMessages().isEmpty() && message.getKey().endsWith(".schema.allOf")) {
            // "failed to match all required schemas" says nothing: the nested failures do.
            for (Message nested : message.getNestedMessages()) {
                describe(nested, out);
            }
            return;
        }
        StringBuilder line = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
        for (Message nested : message.getNestedMessages()) {
            List<String> inner = new ArrayList<>();
            describe(nested, inner);
            inner.forEach(i -> line.append("\n      ").append(i));
        }
        out.add(line.toString());
    }

    /** A message with some nested messages removed. */
    private record Filtered(Message original, List<Message> nested) implements Message {
        @Override public String getKey() { return original.getKey(); }
        @Override public String getMessage() { return original.getMessage(); }
        @Override public Level getLevel() { return original.getLevel(); }
        @Override public List<String> getAdditionalInfo() { return original.getAdditionalInfo(); }
        @Override public List<Message> getNestedMessages() { return nested; }
        @Override public Optional<ValidationReport.MessageContext> getContext() { return original.getContext(); }
        @Override public Message withLevel(Level level) { return new Filtered(original.withLevel(level), nested); }
        @Override public Message withAdditionalInfo(String info) {
            return new Filtered(original.withAdditionalInfo(info), nested);
        }
        @Override public Message withAdditionalContext(ValidationReport.MessageContext context) {
            return new Filtered(original.withAdditionalContext(context), nested);
        }
    }

    // ---- operations

    private record Template(String operation, String method, String[] segments) {}

    private static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (Map.Entry<String, List<String>> path : ContractTrimmer.USED_OPERATIONS.entrySet()) {
            for (String method : path.getValue()) {
                String m = method.toUpperCase(Locale.ROOT);
                templates.add(new Template(m + " " + path.getKey(), m, path.getKey().substring(1).split("/")));
            }
        }
        return Collections.unmodifiableList(templates);
    }

    /** The contract operation ("METHOD template") the request is for, or null when there is none. */
    static String operation(String method, String rawPath) {
        String path = validatorPath(rawPath);
        if (path.startsWith("/2.0/")) {
            path = path.substring("/2.0".length());
        }
        String[] segments = path.substring(1).split("/", -1);
        for (Template template : Holder.TEMPLATES) {
            if (!template.method().equalsIgnoreCase(method) || template.segments().length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String t = template.segments()[i];
                matches = t.startsWith("{") ? !segments[i].isEmpty() : t.equals(segments[i]);
            }
            if (matches) {
                return template.operation();
            }
        }
        return null;
    }

    // ---- loading

    private static OpenApiInteractionValidator buildValidator() {
        ObjectNode document = load();
        patch(document);
        return OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
                .withLevelResolver(LevelResolver.create()
                        // The validator ignores undeclared query parameters by default; the contract does not
                        // (see Tolerance.UNDECLARED_COLLECTION_QUERY_PARAMETERS for the ones it lets through).
                        .withLevel("validation.request.parameter.query.unexpected", Level.ERROR)
                        .withDefaultLevel(Level.ERROR)
                        .build())
                .build();
    }

    static ObjectNode load() {
        try (InputStream in = BitbucketContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The load-time patches: {@link Tolerance#RECURSIVE_DISCRIMINATOR}, {@link Tolerance#TASK_ALL_OF_CLOSED} and
     * {@link Requirement}.
     */
    static void patch(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");

        // Tolerance.RECURSIVE_DISCRIMINATOR
        ObjectNode base = (ObjectNode) schemas.get("object");
        if (base == null || base.remove("discriminator") == null) {
            throw new IllegalStateException("expected the discriminator of schema 'object' (RECURSIVE_DISCRIMINATOR)");
        }
        for (Iterator<JsonNode> it = schemas.elements(); it.hasNext(); ) {
            if (it.next().findValue("discriminator") != null) {
                throw new IllegalStateException("another discriminator: review RECURSIVE_DISCRIMINATOR");
            }
        }

        // Tolerance.TASK_ALL_OF_CLOSED
        for (String name : List.of("pullrequest_task", "pullrequest_comment_task")) {
            int opened = 0;
            for (JsonNode part : schemas.path(name).path("allOf")) {
                if (!part.has("$ref") && part instanceof ObjectNode inline && inline.path("additionalProperties").isBoolean()) {
                    inline.put("additionalProperties", true);
                    opened++;
                }
            }
            if (opened != 1) {
                throw new IllegalStateException("expected one closed inline part of schema '" + name + "' (TASK_ALL_OF_CLOSED)");
            }
        }

        // Requirement.PULL_REQUEST_CREATE_REQUIRES_TITLE_AND_SOURCE
        ObjectNode media = (ObjectNode) document.path("paths").path("/repositories/{workspace}/{repo_slug}/pullrequests")
                .path("post").path("requestBody").path("content").path("application/json");
        JsonNode schema = media.get("schema");
        if (schema == null || !"#/components/schemas/pullrequest".equals(schema.path("$ref").asText())) {
            throw new IllegalStateException("unexpected request body of POST pullrequests: " + schema);
        }
        ObjectNode required = MAPPER.createObjectNode();
        ArrayNode names = required.putArray("required");
        names.add("title").add("source");
        ObjectNode tightened = MAPPER.createObjectNode();
        tightened.putArray("allOf").add(schema).add(required);
        media.set("schema", tightened);
    }
}
