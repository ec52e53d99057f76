/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api
 * jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java (read at 03e1a7a)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("compile-only stand-in of StepExecution");
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stand-in of StepExecution");
    }

    public abstract boolean start() throws Exception;
}
