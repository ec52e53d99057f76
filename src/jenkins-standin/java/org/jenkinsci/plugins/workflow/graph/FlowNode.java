/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins.workflow:workflow-api
 * jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java (read at 2ff1a5e, tag 1413.v2ff1a_5e720fa_)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

// Real: @ExportedBean public abstract class FlowNode extends Actionable implements Saveable, with a protected
// constructor and many members; the layer only adds an action to it (addOrReplaceAction, from Actionable).
public abstract class FlowNode extends Actionable {
}
