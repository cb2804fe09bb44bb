package io.jenkins.plugins.konductro.pages;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Renders the plugin's page views to HTML the way Jenkins' Jelly does, for exactly the tags and expressions they use:
 * {@code j:set}, {@code j:if}, {@code j:forEach}, {@code st:include}, {@code st:adjunct}, {@code t:summary} (as core
 * 2.479.3's {@code lib/hudson/summary.jelly} writes it), and {@code ${a.b}}, {@code ${!a.isEmpty()}},
 * {@code ${a != null}}, {@code ${a == null}}, and {@code ${%Text}} and {@code ${%key(a.b, c)}} as Stapler resolves them: the
 * value in the {@code .properties} file beside the view, formatted by {@link MessageFormat} with the arguments, else
 * the key itself as written. Anything else is refused, so a view cannot drift from what is tested.
 */
final class JellyPage {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    private final StringBuilder html = new StringBuilder();

    static String render(String view, Map<String, Object> variables) throws Exception {
        JellyPage page = new JellyPage();
        page.file(RESOURCES.resolve(view), new HashMap<>(variables));
        return page.html.toString();
    }

    /** The view being rendered: its folder (for includes) and the texts of the {@code .properties} file beside it. */
    private record View(Path folder, ResourceBundle texts) {
        static View of(Path jelly) throws Exception {
            Path properties = jelly.resolveSibling(jelly.getFileName().toString().replaceFirst("\\.jelly$", ".properties"));
            if (!Files.exists(properties)) {
                return new View(jelly.getParent(), null);
            }
            try (InputStream in = Files.newInputStream(properties)) {
                return new View(jelly.getParent(), new PropertyResourceBundle(in)); // UTF-8, else ISO-8859-1, as Stapler reads it
            }
        }

        /** As Stapler's ResourceBundle.format: a key the file has (with a value) is formatted, any other is shown as written. */
        String text(String key, Object[] arguments) {
            String format = texts != null && texts.containsKey(key) ? texts.getString(key) : "";
            return format.isEmpty() ? key : MessageFormat.format(format, arguments);
        }
    }

    private void file(Path path, Map<String, Object> context) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        element(factory.newDocumentBuilder().parse(path.toFile()).getDocumentElement(), context, View.of(path));
    }

    private void children(Node node, Map<String, Object> context, View view) throws Exception {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                element((Element) child, context, view);
            } else if (child.getNodeType() == Node.TEXT_NODE) {
                html.append(escape(interpolate(child.getNodeValue(), context, view)));
            }
        }
    }

    private void element(Element e, Map<String, Object> context, View view) throws Exception {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String name = e.getLocalName();
        switch (ns + " " + name) {
            case "jelly:core jelly" -> children(e, context, view);
            case "jelly:core set" -> context.put(e.getAttribute("var"), value(e.getAttribute("value"), context, view));
            case "jelly:core if" -> {
                if (Boolean.TRUE.equals(value(e.getAttribute("test"), context, view))) {
                    children(e, context, view);
                }
            }
            case "jelly:core forEach" -> {
                for (Object item : (Collection<?>) value(e.getAttribute("items"), context, view)) {
                    Map<String, Object> inner = new HashMap<>(context);
                    inner.put(e.getAttribute("var"), item);
                    children(e, inner, view);
                }
            }
            case "jelly:stapler include" -> {
                String type = e.getAttribute("class");
                Path base = type.isEmpty() ? view.folder() : RESOURCES.resolve(type.replace('.', '/'));
                file(base.resolve(e.getAttribute("page")), context);
            }
            case "jelly:stapler adjunct" -> {
                String path = "/adjuncts/" + e.getAttribute("includes").replace('.', '/');
                html.append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(path).append(".css\">");
                html.append("<script src=\"").append(path).append(".js\" type=\"text/javascript\"></script>");
            }
            case "/lib/hudson summary" -> {
                html.append("<tr class=\"app-summary\"><td><span class=\"icon\" data-icon=\"")
                        .append(escape(e.getAttribute("icon"))).append("\"></span></td><td style=\"vertical-align:middle\">");
                children(e, context, view);
                html.append("</td></tr>");
            }
            default -> {
                if (!ns.isEmpty()) {
                    throw new UnsupportedOperationException("tag " + e.getTagName() + " is not rendered by this test");
                }
                html.append('<').append(name);
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node attribute = attributes.item(i);
                    html.append(' ').append(attribute.getNodeName()).append("=\"")
                            .append(escape(interpolate(attribute.getNodeValue(), context, view))).append('"');
                }
                html.append('>');
                children(e, context, view);
                html.append("</").append(name).append('>');
            }
        }
    }

    private static String interpolate(String text, Map<String, Object> context, View view) throws Exception {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = expression(m.group(1), context, view);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }

    private static Object value(String attribute, Map<String, Object> context, View view) throws Exception {
        Matcher m = EXPRESSION.matcher(attribute);
        if (!m.matches()) {
            throw new UnsupportedOperationException("not a single expression: " + attribute);
        }
        return expression(m.group(1), context, view);
    }

    private static Object expression(String expression, Map<String, Object> context, View view) throws Exception {
        String e = expression.strip();
        if (e.startsWith("%")) {
            return text(e.substring(1), context, view);
        }
        if (e.startsWith("!") && e.endsWith(".isEmpty()")) {
            return !((Collection<?>) path(e.substring(1, e.length() - ".isEmpty()".length()), context)).isEmpty();
        }
        if (e.endsWith(" != null")) {
            return path(e.substring(0, e.length() - " != null".length()), context) != null;
        }
        if (e.endsWith(" == null")) {
            return path(e.substring(0, e.length() - " == null".length()), context) == null;
        }
        if (!e.matches("[A-Za-z]+(\\.[A-Za-z]+)*")) {
            throw new UnsupportedOperationException("expression ${" + expression + "} is not rendered by this test");
        }
        return path(e, context);
    }

    /** {@code Key} or {@code key(a.b, c)}: arguments are expressions, separated by commas (none nested here). */
    private static String text(String message, Map<String, Object> context, View view) throws Exception {
        int open = message.indexOf('(');
        if (open < 0) {
            return view.text(message, new Object[0]);
        }
        if (!message.endsWith(")")) {
            throw new UnsupportedOperationException("${%" + message + "} is missing ')' at the end");
        }
        List<Object> arguments = new ArrayList<>();
        for (String argument : message.substring(open + 1, message.length() - 1).split(",")) {
            arguments.add(expression(argument, context, view));
        }
        return view.text(message.substring(0, open), arguments.toArray());
    }

    private static Object path(String path, Map<String, Object> context) throws Exception {
        String[] parts = path.split("\\.");
        Object value = context.get(parts[0]);
        for (int i = 1; i < parts.length && value != null; i++) {
            value = property(value, parts[i]);
        }
        return value;
    }

    private static Object property(Object target, String name) throws Exception {
        if (target instanceof Map<?, ?> map) {
            return map.get(name);
        }
        // As Jenkins' JEXL 1.1 does: getName(), then isName(); never a bare name() such as a record's accessor.
        for (String candidate : new String[] {"get" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                "is" + Character.toUpperCase(name.charAt(0)) + name.substring(1)}) {
            try {
                Method method = target.getClass().getMethod(candidate);
                return method.invoke(target);
            } catch (NoSuchMethodException e) {
                // next form
            }
        }
        throw new UnsupportedOperationException(target.getClass().getSimpleName() + " has no property " + name);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String read(String resource) throws Exception {
        return Files.readString(RESOURCES.resolve(resource));
    }
}
