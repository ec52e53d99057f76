/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.2)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("compile-only stand-in of EnvVars");
    }
}
