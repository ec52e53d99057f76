/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java (read at a recent snapshot: spotbugs annotations, java.util.Base64; the older 709fe5b and 057d4ed have the same getPlainText())
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    /*package*/ Secret(String value) {
        throw new UnsupportedOperationException("compile-only stand-in of Secret");
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stand-in of Secret");
    }
}
