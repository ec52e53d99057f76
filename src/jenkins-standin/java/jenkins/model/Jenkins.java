/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.4)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;

// Real: extends AbstractCIBase and implements many more interfaces; only what the credentials dropdowns ask is here.
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = permission();

    protected Jenkins() {
        throw new UnsupportedOperationException("compile-only stand-in of Jenkins");
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stand-in of Jenkins");
    }

    private static Permission permission() {
        throw new UnsupportedOperationException("compile-only stand-in of Jenkins");
    }
}
