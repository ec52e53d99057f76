/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (read at a 2.5xx-era snapshot: declaration with HistoricalBuild, WithConsoleUrl; constructor checked at 20dbd5b; getParent/setResult as in shared/reference/jenkins-api.md §1.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import java.io.IOException;

// Real supertypes: extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot,
// DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl. The layer only passes a Run on to
// CredentialsProvider, so all but ExtensionPoint are left out; the type parameters are exact.
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements ExtensionPoint {
    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in of Run");
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("compile-only stand-in of Run");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("compile-only stand-in of Run");
    }
}
