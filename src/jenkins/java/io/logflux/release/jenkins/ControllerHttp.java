package io.logflux.release.jenkins;

import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.logflux.release.http.HttpSettings;
import okhttp3.OkHttpClient;

/**
 * The engine's HTTP settings for requests the controller itself sends (logfluxYank, logfluxCheckTokens, and
 * logfluxPublish from a workspace on the built-in node): clients start from okhttp-api's {@link JenkinsOkHttpClient},
 * so they go through the proxy of <em>Manage Jenkins → System → HTTP Proxy Configuration</em>, with its user and
 * "No Proxy Host" list; with no proxy configured there, they connect directly. Agents never use this: their requests
 * follow the agent JVM's proxy properties (docs/steps.md, "Proxies").
 */
final class ControllerHttp {
    private ControllerHttp() {
    }

    /** The client every controller-side client is built from; it holds no connection or thread of its own. */
    static OkHttpClient clientBase() {
        return JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();
    }

    /** {@code settings}, with clients through Jenkins' proxy. */
    static HttpSettings settings(HttpSettings settings) {
        return settings.withClientBase(clientBase());
    }
}
