/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins.workflow:workflow-api
 * jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java (read at 2ff1a5e, tag 1413.v2ff1a_5e720fa_)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

public class WarningAction implements PersistentAction {
    public WarningAction(@NonNull Result result) {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    public @CheckForNull String getMessage() {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    public @NonNull Result getResult() {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stand-in of WarningAction");
    }
}
