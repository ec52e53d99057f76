/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:credentials
 * jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java (read at 019b4a1)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
