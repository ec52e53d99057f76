/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:plain-credentials
 * jenkinsci/plain-credentials-plugin src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java (read at 5c564c5)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

// The real type is annotated @NameWith and nests a NameProvider; neither is used by the layer.
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
