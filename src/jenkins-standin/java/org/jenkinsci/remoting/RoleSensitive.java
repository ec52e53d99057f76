/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:remoting
 * jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleSensitive.java (read at 3e3d2d0)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.remoting;

public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
