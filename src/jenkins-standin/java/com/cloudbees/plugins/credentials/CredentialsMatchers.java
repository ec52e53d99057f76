/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.plugins:credentials
 * jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java (read at d96751b; always and withId first as recorded in shared/reference/jenkins-api.md §1.7)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {
    @NonNull
    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only stand-in of CredentialsMatchers");
    }

    // Raw Class, as in the source.
    @NonNull
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        throw new UnsupportedOperationException("compile-only stand-in of CredentialsMatchers");
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException("compile-only stand-in of CredentialsMatchers");
    }

    @NonNull
    public static CredentialsMatcher allOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("compile-only stand-in of CredentialsMatchers");
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("compile-only stand-in of CredentialsMatchers");
    }
}
