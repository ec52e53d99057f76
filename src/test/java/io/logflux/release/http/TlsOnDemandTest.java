package io.logflux.release.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plain client answers http requests without TLS set up, and https requests with it; a client on an embedding's
 * base is the base's for every request.
 */
class TlsOnDemandTest {
    private static final HttpUrl PLAIN = HttpUrl.get("http://index.logflux.invalid/simple/");
    private static final HttpUrl SECURE = HttpUrl.get("https://files.logflux.invalid/logflux-0.2.0.tar.gz");

    private static TlsOnDemand plain() {
        return TlsOnDemand.of(HttpClients.builder(HttpSettings.defaults(), new ConnectionPool(), false), false);
    }

    @Test
    void plainHttpGoesThroughACleartextOnlyClientHttpsThroughOneWithTls() {
        TlsOnDemand clients = plain();
        try {
            OkHttpClient cleartext = clients.forUrl(PLAIN);
            OkHttpClient secure = clients.forUrl(SECURE);

            assertThat(cleartext.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
            assertThatThrownBy(cleartext::sslSocketFactory).as("no TLS set up for it")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(secure.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
            assertThat(secure.x509TrustManager()).as("the platform's trust").isNotNull();
            assertThat(clients.forUrl(SECURE)).as("built once").isSameAs(secure);
            assertThat(secure.connectionPool()).isSameAs(cleartext.connectionPool());
            assertThat(secure.dispatcher()).isSameAs(cleartext.dispatcher());
            assertThat(secure.retryOnConnectionFailure()).as("the same settings").isFalse();
            assertThat(secure.readTimeoutMillis()).isEqualTo(cleartext.readTimeoutMillis());
        } finally {
            clients.close();
        }
    }

    @Test
    void anHttpsRequestIsSentWithTls() throws Exception {
        TlsOnDemand clients = plain();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("plain").build());
            server.start();
            HttpUrl http = server.url("/simple/");
            HttpUrl https = http.newBuilder().scheme("https").build();

            try (Response response = clients.forUrl(http).newCall(new Request.Builder().url(http).build())
                    .execute()) {
                assertThat(response.body().string()).isEqualTo("plain");
            }
            // The server speaks plain HTTP: a TLS handshake is what fails, so TLS was tried.
            assertThatThrownBy(() -> clients.forUrl(https).newCall(new Request.Builder().url(https).build())
                    .execute().close()).isInstanceOf(SSLException.class);
        } finally {
            clients.close();
        }
    }

    @Test
    void aClientOnABaseIsTheBasesForBothSchemes() {
        OkHttpClient base = new OkHttpClient.Builder().connectionSpecs(java.util.List.of(ConnectionSpec.MODERN_TLS))
                .build();
        HttpSettings settings = HttpSettings.defaults().withClientBase(base);
        TlsOnDemand clients = TlsOnDemand.of(HttpClients.builder(settings, new ConnectionPool(), false), true);
        try {
            assertThat(clients.forUrl(PLAIN)).isSameAs(clients.forUrl(SECURE));
            assertThat(clients.forUrl(PLAIN).connectionSpecs()).as("what the base allows")
                    .containsExactly(ConnectionSpec.MODERN_TLS);
        } finally {
            clients.close();
        }
    }
}
