/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:remoting
 * jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java (read at 14ad62c)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.remoting;

public abstract class RoleChecker {
}
