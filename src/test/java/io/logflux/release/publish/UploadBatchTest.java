package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UploadBatchTest {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private static List<ReleaseFile> files(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            Path path = Path.of("f" + i + ".whl");
            return new DistFile(path, null, "p", "1.0").with(new FileSnapshot(path, new FileDigests("sha" + i, i),
                    FileTime.fromMillis(0)));
        }).toList();
    }

    private static PublishedFile uploaded(ReleaseFile file) {
        return new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(),
                PublishedFile.Outcome.UPLOADED, 1, Optional.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other uploads never ran at the same time");
            }
        } catch (InterruptedException e) {
            throw new ReleaseException("interrupted", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new ReleaseException("interrupted", e);
        }
    }

    @Test
    void theFirstFileGoesAloneThenTheOthersSideBySideAndResultsKeepTheFilesOrder() {
        CountDownLatch allThreeInFlight = new CountDownLatch(3);
        List<ReleaseFile> files = files(4);

        List<PublishedFile> results = new UploadBatch(3).run(files, (file, before) -> {
            events.add("start " + file.fileName() + " after " + before);
            if (!file.fileName().equals("f1.whl")) {
                allThreeInFlight.countDown();
                await(allThreeInFlight);
            }
            events.add("end " + file.fileName());
            return uploaded(file);
        });

        assertThat(results).extracting(PublishedFile::fileName).containsExactly("f1.whl", "f2.whl", "f3.whl",
                "f4.whl");
        assertThat(events.subList(0, 2)).containsExactly("start f1.whl after []", "end f1.whl");
        assertThat(events.subList(2, 5)).allMatch(e -> e.startsWith("start ") && e.endsWith(" after [f1.whl]"));
    }

    @Test
    void neverMoreUploadsInFlightThanAllowed() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        // f2 and f3 wait for each other, so two are in flight at once however loaded the machine; a third would be
        // counted while they wait
        CountDownLatch twoInFlight = new CountDownLatch(2);
        new UploadBatch(2).run(files(7), (file, before) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (file.fileName().equals("f2.whl") || file.fileName().equals("f3.whl")) {
                twoInFlight.countDown();
                await(twoInFlight);
            }
            inFlight.decrementAndGet();
            return uploaded(file);
        });

        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void oneAtATimeWhenParallelIsOne() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<PublishedFile> results = new UploadBatch(1).run(files(4), (file, before) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause(10);
            inFlight.decrementAndGet();
            return uploaded(file);
        });

        assertThat(most.get()).isEqualTo(1);
        assertThat(results).hasSize(4);
    }

    @Test
    void aFailureLetsTheUploadInFlightFinishStartsNoOtherAndIsThrown() {
        ReleaseException refused = new ReleaseException("f2.whl refused");
        CountDownLatch bothStarted = new CountDownLatch(2);

        Throwable failure = catchThrowable(() -> new UploadBatch(2).run(files(5), (file, before) -> {
            events.add("start " + file.fileName());
            if (!file.fileName().equals("f1.whl")) {
                bothStarted.countDown();
                await(bothStarted);
            }
            if (file.fileName().equals("f2.whl")) {
                throw refused;
            }
            pause(100);
            events.add("end " + file.fileName());
            return uploaded(file);
        }));

        assertThat(failure).isSameAs(refused);
        assertThat(events).contains("start f2.whl", "start f3.whl", "end f3.whl")
                .doesNotContain("start f4.whl", "start f5.whl");
    }

    @Test
    void aFailureOfTheFirstFileStartsNoOther() {
        Throwable failure = catchThrowable(() -> new UploadBatch(3).run(files(3), (file, before) -> {
            events.add("start " + file.fileName());
            throw new ReleaseException("token refused");
        }));

        assertThat(failure).hasMessage("token refused");
        assertThat(events).containsExactly("start f1.whl");
    }

    @Test
    void anInterruptStopsTheUploadsInFlightAndSaysHowToGoOn() throws Exception {
        // Both uploads after the first must be in flight before the interrupt, or one could not be stopped yet. They
        // then block until interrupted: no sleep whose length matters, and the caller is a thread of the test's own.
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> failure.set(catchThrowable(() -> new UploadBatch(2).run(files(3),
                (file, before) -> {
                    if (!file.fileName().equals("f1.whl")) {
                        bothStarted.countDown();
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            events.add("stopped " + file.fileName());
                            throw new ReleaseException("interrupted", e);
                        }
                    }
                    return uploaded(file);
                }))), "upload-batch-caller");
        caller.start();
        assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(caller.isAlive()).as("the batch returned after the interrupt").isFalse();
        assertThat(failure.get()).isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("Interrupted while uploading").hasMessageContaining("Run again");
        assertThat(events).contains("stopped f2.whl", "stopped f3.whl");
    }

    @Test
    void parallelUploadsBelowOneAreRefused() {
        assertThat(catchThrowable(() -> new UploadBatch(0))).isInstanceOf(ReleaseException.class)
                .hasMessageContaining("must be 1 or more");
    }
}
