package io.logflux.release.jenkins;

import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;

/**
 * Marks the build UNSTABLE the way the {@code unstable} step does (workflow-basic-steps' UnstableStep): a
 * {@link WarningAction} with the message on the step's {@link FlowNode}, so stage views and Blue Ocean show which
 * stage it was, and the result on the build. Steps that use it list {@code FlowNode} in their required context.
 */
final class UnstableMarker {
    private UnstableMarker() {
    }

    static void mark(StepContext context, Run<?, ?> run, String message) throws IOException, InterruptedException {
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
        run.setResult(Result.UNSTABLE);
    }
}
