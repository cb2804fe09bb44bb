package konductro.symbols;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/annotations/<annotation>} for Jenkins' indexed annotations the plugin uses ({@code @Symbol}
 * on classes, {@code @Initializer} on methods): the binary name of every class that carries one, or declares a
 * member that does, one per line, as Jenkins' annotation-indexer would. That processor is not on Maven Central, so
 * the build uses this one. Build-time only: it is compiled beside the API stubs and never packaged.
 */
@SupportedAnnotationTypes({SymbolIndexProcessor.SYMBOL, SymbolIndexProcessor.INITIALIZER})
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String INITIALIZER = "hudson.init.Initializer";

    private final Map<String, Set<String>> classes = new TreeMap<>();
    private final Map<String, List<Element>> originating = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element owner = element instanceof TypeElement ? element : element.getEnclosingElement();
                if (owner instanceof TypeElement type) {
                    classes.computeIfAbsent(name, n -> new TreeSet<>())
                            .add(processingEnv.getElementUtils().getBinaryName(type).toString());
                    originating.computeIfAbsent(name, n -> new ArrayList<>()).add(element);
                }
            }
        }
        if (round.processingOver()) {
            classes.forEach(this::write);
        }
        return false;
    }

    private void write(String annotation, Set<String> names) {
        try {
            FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                    "META-INF/annotations/" + annotation, originating.get(annotation).toArray(Element[]::new));
            try (Writer out = new OutputStreamWriter(index.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : names) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write the index of @" + annotation + ": " + e);
        }
    }
}
