package io.logflux.release.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hook through which an embedding application (the Jenkins controller, with okhttp-api's JenkinsOkHttpClient)
 * decides the proxy: clients start from the settings' client base, keep its proxy and proxy authenticator, and still
 * get this tool's own timeouts, retry policy, pool and dispatcher.
 */
class HttpClientsBaseTest {
    private MockWebServer proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new MockWebServer();
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private OkHttpClient baseThroughTheProxy(Authenticator authenticator) {
        return new OkHttpClient.Builder()
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort())))
                .proxyAuthenticator(authenticator)
                .readTimeout(1, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true)
                .build();
    }

    @Test
    void requestsGoThroughTheBasesProxy() throws Exception {
        proxy.enqueue(new MockResponse.Builder().body("served by the proxy").build());
        HttpSettings settings = HttpSettings.defaults().withClientBase(baseThroughTheProxy(Authenticator.NONE));
        OkHttpClient client = HttpClients.builder(settings, new ConnectionPool(), false).build();

        try (Response response = client.newCall(new Request.Builder()
                .url("http://index.logflux.invalid/simple/logflux/").build()).execute()) {
            assertThat(response.body().string()).isEqualTo("served by the proxy");
        } finally {
            HttpClients.close(client);
        }

        RecordedRequest seen = proxy.takeRequest();
        assertThat(seen.getRequestLine()).as("an absolute-URI request, as sent to a proxy")
                .isEqualTo("GET http://index.logflux.invalid/simple/logflux/ HTTP/1.1");
    }

    @Test
    void theSettingsOwnTimeoutsAndRetryPolicyWinOverTheBases() {
        Authenticator authenticator = (route, response) -> null;
        OkHttpClient base = baseThroughTheProxy(authenticator);
        HttpSettings settings = HttpSettings.defaults().withClientBase(base);

        OkHttpClient client = HttpClients.builder(settings, new ConnectionPool(), false).build();

        assertThat(client.proxy()).isEqualTo(base.proxy());
        assertThat(client.proxyAuthenticator()).isSameAs(authenticator);
        assertThat(client.readTimeoutMillis()).isEqualTo((int) settings.idle().toMillis());
        assertThat(client.retryOnConnectionFailure()).isFalse();
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.eventListenerFactory()).isSameAs(CallTrace.FACTORY);
        HttpClients.close(client);
    }

    @Test
    void closingAClientLeavesTheBaseAndItsOtherClientsRunning() {
        OkHttpClient base = baseThroughTheProxy(Authenticator.NONE);
        HttpSettings settings = HttpSettings.defaults().withClientBase(base);
        OkHttpClient first = HttpClients.builder(settings, new ConnectionPool(), false).build();
        OkHttpClient second = HttpClients.builder(settings, new ConnectionPool(), true).build();

        HttpClients.close(first);

        assertThat(first.dispatcher().executorService().isShutdown()).isTrue();
        assertThat(second.dispatcher().executorService().isShutdown()).isFalse();
        assertThat(base.dispatcher().executorService().isShutdown()).isFalse();
        HttpClients.close(second);
    }

    @Test
    void withoutABaseTheClientUsesTheJvmsProxySelector() {
        HttpSettings settings = HttpSettings.defaults();

        OkHttpClient client = HttpClients.builder(settings, new ConnectionPool(), false).build();

        assertThat(settings.clientBase()).isNull();
        assertThat(client.proxy()).as("no fixed proxy: java.net.ProxySelector, i.e. the JVM's proxy properties")
                .isNull();
        assertThat(client.proxyAuthenticator()).isSameAs(Authenticator.NONE);
        HttpClients.close(client);
    }

    @Test
    void theOtherSettingsKeepTheBase() {
        OkHttpClient base = baseThroughTheProxy(Authenticator.NONE);
        HttpSettings settings = HttpSettings.defaults().withClientBase(base);

        assertThat(settings.withAttempts(2).clientBase()).isSameAs(base);
        assertThat(settings.withTimeouts(settings.connect(), settings.idle(), settings.upload()).clientBase())
                .isSameAs(base);
        assertThat(settings.withBackoff(settings.firstBackoff(), settings.maxBackoff()).clientBase()).isSameAs(base);
        assertThat(settings.withRead(settings.read()).clientBase()).isSameAs(base);
        assertThat(settings.withClientBase(null).clientBase()).isNull();
    }
}
