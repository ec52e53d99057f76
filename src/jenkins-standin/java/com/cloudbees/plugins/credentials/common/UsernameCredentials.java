/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:credentials
 * jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java (read at 019b4a1)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

// Newer versions add a default isUsernameSecret(); the layer does not use it.
public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();
}
