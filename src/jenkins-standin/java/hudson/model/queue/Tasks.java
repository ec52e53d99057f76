/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/queue/Tasks.java (read at 4d8ef2f, tag jenkins-2.541.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {
    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        throw new UnsupportedOperationException("compile-only stand-in of Tasks");
    }
}
