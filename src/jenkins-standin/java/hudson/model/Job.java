/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (read at a 2.5xx-era snapshot: declaration with ModelObjectWithChildren, HasWidgets)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import hudson.ExtensionPoint;

// Real supertypes: extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren,
// HasWidgets (AbstractItem is declared: the layer reads getRootDir() through it). The type parameters are exact.
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
}
