/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Action.java (read at 4d8ef2f, tag jenkins-2.541.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// Real: extends ModelObject, whose getDisplayName() this interface overrides; ModelObject is left out.
public interface Action {
    @CheckForNull String getIconFileName();

    @CheckForNull String getDisplayName();

    @CheckForNull String getUrlName();
}
