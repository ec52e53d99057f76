package io.logflux.release.publish;

import io.logflux.release.http.StaleConnectionException;

import io.logflux.release.http.HttpSettings;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link IndexHttp} treats connections the server ends: HTTP/1.0 answers are not pooled, a request that dies on
 * a kept connection before any answer is re-sent on a new one (reads, the probe) or handed back (an upload), and a
 * request asked to go on a connection of its own gets one. The server records on which connection each request came.
 */
class IndexHttpConnectionTest {
    private final IndexCredentials credentials = IndexCredentials.token("pypi-connection-test",
            "credentials 'index-token'");
    private MockWebServer server;
    private IndexHttp http;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new IndexHttp(HttpSettings.defaults());
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private URI page() {
        return server.url("/simple/logflux/").uri();
    }

    private static MockResponse ok(String status) {
        return new MockResponse.Builder().status(status).addHeader("Content-Type", "text/html").body("<html/>").build();
    }

    /** An answer after which the server closes the connection without saying so. */
    private static MockResponse okThenClosed() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html/>")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void keptAliveHttp11ConnectionsAreReused() throws Exception {
        server.enqueue(ok("HTTP/1.1 200 OK"));
        server.enqueue(ok("HTTP/1.1 200 OK"));

        http.get(page(), "text/html", null, false);
        http.get(page(), "text/html", null, false);

        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
        assertThat(server.takeRequest().getConnectionIndex()).as("the same connection").isEqualTo(0);
    }

    @Test
    void anHttp10AnswersConnectionIsNotUsedAgain() throws Exception {
        // This server would even keep the connection; HTTP/1.0 without keep-alive means it need not.
        server.enqueue(ok("HTTP/1.0 200 OK"));
        server.enqueue(ok("HTTP/1.0 200 OK"));

        http.get(page(), "text/html", null, false);
        http.get(page(), "text/html", null, false);

        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
        assertThat(server.takeRequest().getConnectionIndex()).as("a new connection").isEqualTo(1);
    }

    @Test
    void anHttp10AnswerThatOffersKeepAliveKeepsItsConnection() throws Exception {
        server.enqueue(new MockResponse.Builder().status("HTTP/1.0 200 OK").addHeader("Connection", "keep-alive")
                .addHeader("Content-Type", "text/html").body("<html/>").build());
        server.enqueue(ok("HTTP/1.1 200 OK"));

        http.get(page(), "text/html", null, false);
        http.get(page(), "text/html", null, false);

        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
    }

    @Test
    void aReadOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws Exception {
        server.enqueue(okThenClosed());
        server.enqueue(ok("HTTP/1.1 200 OK"));

        http.get(page(), "text/html", null, false);
        HttpReply second = http.get(page(), "text/html", null, false);

        assertThat(second.status()).isEqualTo(200);
        assertThat(server.getRequestCount()).as("the dead connection never delivered the request").isEqualTo(2);
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void theTokenProbeOnAClosedConnectionIsSentAgainToo() throws Exception {
        server.enqueue(okThenClosed());
        server.enqueue(new MockResponse.Builder().code(400).body("Upload payload does not have a file.").build());

        http.get(page(), "text/html", null, false);
        HttpReply probe = http.post(server.url("/legacy/").uri(), UploadForm.probe(), null, credentials, null, false);

        assertThat(probe.status()).isEqualTo(400);
        server.takeRequest();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void anUploadOnAClosedConnectionIsHandedBackNotSentAgain() throws Exception {
        Path file = Files.write(dir.resolve("logflux-0.2.0-py3-none-any.whl"), new byte[256 * 1024]);
        server.enqueue(okThenClosed());
        server.enqueue(ok("HTTP/1.1 200 OK"));

        http.get(page(), "text/html", null, false);

        assertThatThrownBy(() -> http.post(server.url("/legacy/").uri(), UploadForm.probe(), file, credentials, null,
                false))
                .isInstanceOf(StaleConnectionException.class)
                .hasMessageStartingWith("the server had closed the kept-alive connection (");
        assertThat(server.getRequestCount()).as("only the read reached the server").isEqualTo(1);

        HttpReply resent = http.post(server.url("/legacy/").uri(), UploadForm.probe(), file, credentials, null, true);

        assertThat(resent.status()).isEqualTo(200);
        server.takeRequest();
        RecordedRequest upload = server.takeRequest();
        assertThat(upload.getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void aRequestAskedToGoOnANewConnectionGetsOneEvenWhenAGoodOneIsPooled() throws Exception {
        server.enqueue(ok("HTTP/1.1 200 OK"));
        server.enqueue(ok("HTTP/1.1 200 OK"));
        server.enqueue(ok("HTTP/1.1 200 OK"));

        http.get(page(), "text/html", null, false);
        http.get(page(), "text/html", null, true);
        http.get(page(), "text/html", null, false);

        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(1);
        assertThat(server.takeRequest().getConnectionIndex()).as("the pooled one again").isEqualTo(0);
    }

    @Test
    void aFailureOnANewConnectionIsNotMistakenForAStaleOne() throws Exception {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false))
                .build());

        assertThatThrownBy(() -> http.get(page(), "text/html", null, false))
                .isNotInstanceOf(StaleConnectionException.class);
    }
}
