/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:credentials
 * jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java (read at 778d9c4)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

// getScope() and getDescriptor() (returning CredentialsDescriptor) are not used by the layer and are left out.
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
