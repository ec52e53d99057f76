/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/AbortException.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.2)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException() {
        throw new UnsupportedOperationException("compile-only stand-in of AbortException");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only stand-in of AbortException");
    }
}
