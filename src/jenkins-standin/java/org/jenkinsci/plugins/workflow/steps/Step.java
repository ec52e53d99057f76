/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api
 * jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java (read at 87f9eb5)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("compile-only stand-in of Step");
    }
}
