/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api
 * jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java (read at 03e1a7a)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
        throw new UnsupportedOperationException("compile-only stand-in of SynchronousNonBlockingStepExecution");
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in of SynchronousNonBlockingStepExecution");
    }
}
