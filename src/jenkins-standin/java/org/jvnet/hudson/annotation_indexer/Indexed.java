/*
 * Compile-only stand-in. Mirrors org.jenkins-ci:annotation-indexer
 * jenkinsci/lib-annotation-indexer src/main/java/org/jvnet/hudson/annotation_indexer/Indexed.java (read at 27d144c)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md. (annotation-indexer 1.4 is on Central, but its parent POM is not, so
 * Maven cannot use it as a dependency.)
 */
package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
    Class<? extends Validator>[] validators() default {};
}
