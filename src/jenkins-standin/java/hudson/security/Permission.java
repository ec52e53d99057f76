/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.security;

public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("compile-only stand-in of Permission");
    }
}
