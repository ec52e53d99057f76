/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.3; constructors and getDisplayName() checked in a snapshot that uses StaplerRequest2, i.e. 2.475+)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stand-in of Descriptor");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in of Descriptor");
    }
}
