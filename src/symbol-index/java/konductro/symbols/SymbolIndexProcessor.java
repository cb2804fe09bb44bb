package konductro.symbols;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Writes {@code META-INF/annotations/org.jenkinsci.Symbol}: the binary name of every class annotated with
 * {@code @Symbol}, one per line, as Jenkins' annotation-indexer would. That processor is not on Maven Central,
 * so the build uses this one. Build-time only: it is compiled beside the API stubs and never packaged.
 */
@SupportedAnnotationTypes(SymbolIndexProcessor.SYMBOL)
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String SYMBOL = "org.jenkinsci.Symbol";

    private final Set<String> classes = new TreeSet<>();
    private final List<Element> originating = new ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    classes.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                    originating.add(element);
                }
            }
        }
        if (round.processingOver() && !classes.isEmpty()) {
            write();
        }
        return false;
    }

    private void write() {
        try {
            FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                    "META-INF/annotations/" + SYMBOL, originating.toArray(Element[]::new));
            try (Writer out = new java.io.OutputStreamWriter(index.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write the @Symbol index: " + e);
        }
    }
}
