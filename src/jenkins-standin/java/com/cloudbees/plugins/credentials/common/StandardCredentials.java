/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:credentials
 * jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java (read at 0d65c84)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

// The real type is annotated @Recommended and @NameWith and nests a NameProvider; none is used by the layer.
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
