/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Result.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Real: implements Serializable, CustomExportedBean. The constants cannot be built here: reading one throws.
public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = constant();
    public static final @NonNull Result UNSTABLE = constant();
    public static final @NonNull Result FAILURE = constant();

    private Result() {
        throw new UnsupportedOperationException("compile-only stand-in of Result");
    }

    private static Result constant() {
        throw new UnsupportedOperationException("compile-only stand-in of Result");
    }
}
