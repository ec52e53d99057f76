package io.logflux.release.publish;

import io.logflux.release.testing.SampleBuild;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token probe and the listing go out side by side: here the index answers the probe only once the listing has
 * reached it (or after a while without it, which fails the test): a publish that listed only after the probe's answer
 * would make its probe wait in vain.
 */
class PublisherIndexSideTest {
    private static final long WAIT_SECONDS = 10;
    private final CountDownLatch listingArrived = new CountDownLatch(1);
    private final List<String> log = new ArrayList<>();
    private MockWebServer server;
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile int probeStatus = 400;
    private volatile boolean probeAnsweredWithoutListing;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if ("GET".equals(request.getMethod())) {
                    listingArrived.countDown();
                    return new MockResponse.Builder().code(404).body("Not Found").build();
                }
                String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                if (!body.contains("filename=\"")) {
                    if (!listingArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        probeAnsweredWithoutListing = true;
                    }
                    // warehouse's answer to a form without a digest, for a known token (forms.py, UploadForm.validate)
                    return probeStatus == 400
                            ? new MockResponse.Builder().status("HTTP/1.1 400 Include at least one message digest.")
                            .body("Include at least one message digest.").build()
                            : new MockResponse.Builder().code(probeStatus).body("Invalid or non-existent "
                            + "authentication information.").build();
                }
                uploads.incrementAndGet();
                return new MockResponse.Builder().code(200).body("OK").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Publisher publisher() {
        PackageIndex index = PackageIndex.resolve(server.url("/legacy/").toString(), null, null);
        return new Publisher(index, IndexCredentials.token("pypi-index-side-test", "credentials 'test-pypi-token'"),
                PublisherFixture.fastSettings(), PublishOptions.defaults(), wait -> { }, log::add);
    }

    @Test
    void theListingGoesOutWhileTheProbeWaitsForItsAnswer() {
        PublishReport report = publisher().publish(List.of(SampleBuild.shared().wheel()));

        assertThat(report.files()).singleElement()
                .satisfies(file -> assertThat(file.outcome()).isEqualTo(PublishedFile.Outcome.UPLOADED));
        assertThat(uploads).hasValue(1);
        assertThat(probeAnsweredWithoutListing).as("the listing reached the index while the probe waited").isFalse();
    }

    @Test
    void aRefusedTokenIsTheFailureWhateverTheListingFound() {
        probeStatus = 403;

        IndexRefusedException e = catchThrowableOfType(IndexRefusedException.class,
                () -> publisher().publish(List.of(SampleBuild.shared().wheel())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("credentials 'test-pypi-token'").doesNotContain("pypi-index-side-test");
        assertThat(uploads).as("nothing uploaded after the refusal").hasValue(0);
    }
}
