package io.logflux.release.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The line printed when a publish is stopped midway: what the index has, what it has not, that a re-run completes. */
class PublishProgressTest extends PublisherFixture {
    @Test
    void saysWhatIsOnTheIndexWhatIsNotAndThatARerunCompletes() {
        PublishProgress progress = new PublishProgress();
        progress.started("logflux 0.2.0", "pypi (https://upload.pypi.org/legacy/)",
                List.of("logflux-0.2.0-py3-none-any.whl", "logflux-0.2.0.tar.gz"));
        progress.sending("logflux-0.2.0-py3-none-any.whl");
        progress.stored("logflux-0.2.0-py3-none-any.whl");
        progress.sending("logflux-0.2.0.tar.gz");

        assertThat(progress.interruptedMessage()).contains("Stopped while publishing logflux 0.2.0 to pypi "
                + "(https://upload.pypi.org/legacy/): on the index: logflux-0.2.0-py3-none-any.whl; not uploaded: "
                + "logflux-0.2.0.tar.gz (cut off while sending logflux-0.2.0.tar.gz: an index keeps a file only when "
                + "its upload completes, so no part of it is there). Run the same command again to complete the "
                + "release: the files already on the index are skipped.");
    }

    @Test
    void beforeAnyPublishAndAfterOneEndsThereIsNothingToSay() {
        PublishProgress progress = new PublishProgress();
        assertThat(progress.interruptedMessage()).isEmpty();

        progress.started("logflux 0.2.0", "pypi", List.of("a.whl"));
        assertThat(progress.interruptedMessage()).get().asString().contains("on the index: none of the files; "
                + "not uploaded: a.whl.");
        progress.finished();
        assertThat(progress.interruptedMessage()).isEmpty();
    }

    @Test
    void thePublisherReportsEachFileAsTheIndexStoresIt() {
        PublishProgress progress = new PublishProgress();
        String sdistName = sdist.getFileName().toString();
        List<Optional<String>> seenDuringTheSdist = new ArrayList<>();
        Publisher publisher = new Publisher(PackageIndex.resolve(index.uploadUrl(), null, null),
                IndexCredentials.token(token, "credentials 'test-pypi-token'"), fastSettings(),
                PublishOptions.defaults(), sleeps::add, line -> {
                    log.add(line);
                    if (line.startsWith(sdistName + ": ")) {
                        seenDuringTheSdist.add(progress.interruptedMessage());
                    }
                }, progress);

        publisher.publish(List.of(sdist, wheel));

        assertThat(seenDuringTheSdist).isNotEmpty().allSatisfy(message -> assertThat(message).get().asString()
                .contains("on the index: " + wheel.getFileName() + "; not uploaded: " + sdistName
                        + " (cut off while sending " + sdistName));
        assertThat(progress.interruptedMessage()).as("the publish ended").isEmpty();
    }
}
