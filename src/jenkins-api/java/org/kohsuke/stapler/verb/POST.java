package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Compile-only stub (see src/jenkins-api/README.md). The real one is also meta-annotated
// @InterceptorAnnotation(value = HttpVerbInterceptor.class, stage = Stage.SELECTION); omitted here.
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
