/*
 * Compile-only stand-in. Mirrors org.jenkins-ci:annotation-indexer
 * jenkinsci/lib-annotation-indexer src/main/java/org/jvnet/hudson/annotation_indexer/Validator.java (read at 27d144c)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jvnet.hudson.annotation_indexer;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

// Declared because Indexed.validators() names it.
public interface Validator {
    void check(Element use, RoundEnvironment e, ProcessingEnvironment env);
}
