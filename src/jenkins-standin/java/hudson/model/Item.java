/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Item.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

// Real: also extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, OnMaster;
// CONFIGURE, READ and BUILD are left out.
public interface Item extends AccessControlled {
    Permission EXTENDED_READ = permission();

    private static Permission permission() {
        throw new UnsupportedOperationException("compile-only stand-in of Item");
    }
}
