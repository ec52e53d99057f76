/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.4)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.util;

import java.io.IOException;

// Real: also implements HttpResponse; abstract renderHtml() and the Kind enum are left out.
public abstract class FormValidation extends IOException {
    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stand-in of FormValidation");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only stand-in of FormValidation");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stand-in of FormValidation");
    }
}
