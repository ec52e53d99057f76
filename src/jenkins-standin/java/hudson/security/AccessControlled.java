/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

// Real: also @NonNull ACL getACL() and default checkPermission(Permission) (left out: the layer only asks).
public interface AccessControlled {
    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-only stand-in of AccessControlled");
    }
}
