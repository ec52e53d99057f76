/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java (read at 4d8ef2f, tag jenkins-2.541.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

// Real: extends AbstractModelObject implements ModelObjectWithContextMenu; only addOrReplaceAction is used (the
// WarningAction on a step's FlowNode).
public abstract class Actionable {
    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only stand-in of Actionable");
    }
}
