package io.jenkins.plugins.konductro;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.Converter;
import com.thoughtworks.xstream.converters.MarshallingContext;
import com.thoughtworks.xstream.converters.UnmarshallingContext;
import com.thoughtworks.xstream.io.HierarchicalStreamReader;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.security.AnyTypePermission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule by which Jenkins' XStream refuses a class, as core 2.479.3 applies it ({@code jenkins.security.ClassFilterImpl}
 * through {@code XStream2}'s converter for refused types): an array, a {@code Throwable} or an enum passes; a class
 * of the plugin itself passes; any other class, the JDK's included, passes only when it is on core's list of tolerated
 * classes. The list here ({@code jenkins-tolerated-jdk-classes.txt}) holds the JDK classes of core's
 * {@code whitelisted-classes.txt} that a plugin's settings and records can hold; being a part of it, it refuses what
 * Jenkins refuses and possibly more, never less.
 */
public final class JenkinsClassFilter {
    private static final Set<String> TOLERATED = tolerated();
    private static final Path PLUGIN_CLASSES = location(KonductroService.class);
    /** Jenkins trusts test classes too, in its own unit tests. */
    private static final Path TEST_CLASSES = location(JenkinsClassFilter.class);

    private JenkinsClassFilter() {
    }

    /** The folder of the plugin's own classes (target/classes), which Jenkins trusts as a plugin's. */
    static Path pluginClasses() {
        return PLUGIN_CLASSES;
    }

    /** Whether Jenkins would refuse to write or read an instance of {@code type}. */
    public static boolean refuses(Class<?> type) {
        if (type.isArray() || Throwable.class.isAssignableFrom(type) || Enum.class.isAssignableFrom(type)) {
            return false;
        }
        Path at = location(type);
        if (at != null && (at.equals(PLUGIN_CLASSES) || at.equals(TEST_CLASSES))) {
            return false;
        }
        return !TOLERATED.contains(type.getName());
    }

    /** An XStream that refuses, both ways, what Jenkins' XStream refuses, with Jenkins' message. */
    public static XStream xstream() {
        XStream xstream = new XStream();
        xstream.addPermission(AnyTypePermission.ANY); // the refusal below is the rule under test
        xstream.registerConverter(new Converter() {
            @Override
            public boolean canConvert(Class type) {
                return type != null && refuses(type);
            }

            @Override
            public void marshal(Object source, HierarchicalStreamWriter writer, MarshallingContext context) {
                throw new UnsupportedOperationException("Refusing to marshal " + source.getClass().getName() + " for security reasons");
            }

            @Override
            public Object unmarshal(HierarchicalStreamReader reader, UnmarshallingContext context) {
                throw new UnsupportedOperationException("Refusing to unmarshal " + reader.getNodeName() + " for security reasons");
            }
        }, XStream.PRIORITY_VERY_HIGH);
        return xstream;
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Set<String> tolerated() {
        try (InputStream in = JenkinsClassFilter.class.getResourceAsStream("/jenkins-tolerated-jdk-classes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
