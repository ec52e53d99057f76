/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java (read at 9f3cd33)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-only stand-in of ControllerToAgentFileCallable");
    }
}
