/*
 * Compile-only stand-in. Mirrors io.jenkins.plugins:okhttp-api
 * jenkinsci/okhttp-api-plugin src/main/java/io/jenkins/plugins/okhttp/api/JenkinsOkHttpClient.java (read at edb720a, tag 5.3.2-200.vedb_720a_cf1f8)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package io.jenkins.plugins.okhttp.api;

import okhttp3.OkHttpClient;

// The real method returns the base's builder with Jenkins' proxy selector and proxy authenticator set.
public class JenkinsOkHttpClient {
    private JenkinsOkHttpClient() {
        throw new UnsupportedOperationException("compile-only stand-in of JenkinsOkHttpClient");
    }

    public static OkHttpClient.Builder newClientBuilder(OkHttpClient httpClient) {
        throw new UnsupportedOperationException("compile-only stand-in of JenkinsOkHttpClient");
    }
}
