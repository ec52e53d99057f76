/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java (read at 89d7931, an older snapshot: public File getRootDir())
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import java.io.File;

// Real supertypes: extends Actionable implements Item, HttpDeletable, AccessControlled, DescriptorByNameOwner
// (and StaplerProxy in newer cores); the layer only asks a job for its directory.
public abstract class AbstractItem {
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in of AbstractItem");
    }
}
