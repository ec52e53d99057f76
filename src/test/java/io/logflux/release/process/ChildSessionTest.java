package io.logflux.release.process;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildSessionTest {
    private static ChildSession session(String script) throws Exception {
        return ChildSession.start(List.of("sh", "-c", script), ChildEnvironment.ofThisProcess(), Map.of(), "test");
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException();
            }
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void exchangesWithOneChildFollowEachOther() throws Exception {
        try (ChildSession child = session("while read line; do echo \"got $line\"; done")) {
            for (String word : List.of("one", "two", "three")) {
                String reply = child.exchange((in, out) -> {
                    in.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
                    in.flush();
                    return line(out);
                }, Duration.ofMinutes(1));
                assertThat(reply).isEqualTo("got " + word);
            }
        }
    }

    @Test
    void aChildThatDoesNotAnswerIsStoppedAtTheTimeoutAndLaterExchangesFailAtOnce() throws Exception {
        try (ChildSession child = session("read line; exec sleep 600")) {
            Future<String> hung = child.submit((in, out) -> {
                in.write("hello\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                return line(out);
            }, Duration.ofMillis(300));
            Future<String> queued = child.submit((in, out) -> line(out), Duration.ofMinutes(1));

            assertThatThrownBy(() -> ChildSession.outcome(hung, Duration.ofMillis(300)))
                    .isInstanceOf(TimeoutException.class);
            assertThatThrownBy(() -> ChildSession.outcome(queued, Duration.ofMinutes(1)))
                    .isInstanceOf(ChildSession.Broken.class);
        }
    }

    @Test
    void exchangesStillQueuedWhenTheSessionClosesFailInsteadOfBeingDropped() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChildSession child = session("exec sleep 600");
        Future<String> first = child.submit((in, out) -> {
            firstRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }, Duration.ofMinutes(1));
        Future<String> queued = child.submit((in, out) -> {
            in.write("late\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            return "late";
        }, Duration.ofMinutes(1));
        firstRunning.await();

        child.close(Duration.ZERO);
        release.countDown();

        assertThat(ChildSession.outcome(first, Duration.ofSeconds(30))).isEqualTo("first");
        assertThatThrownBy(() -> ChildSession.outcome(queued, Duration.ofSeconds(30)))
                .isInstanceOf(java.io.IOException.class).isNotInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> ChildSession.outcome(child.submit((in, out) -> "after", Duration.ofSeconds(30)),
                Duration.ofSeconds(30))).isInstanceOf(ChildSession.Broken.class);
    }

    @Test
    void howAChildEndedNamesItsStatusAndOnlyTheEndOfItsStderr() throws Exception {
        try (ChildSession child = session("head -c 1048576 /dev/zero | tr '\\0' x >&2; echo >&2; "
                + "echo 'Fatal Python error: Segmentation fault' >&2; exit 9")) {
            assertThatThrownBy(() -> child.exchange((in, out) -> line(out), Duration.ofMinutes(1)))
                    .isInstanceOf(EOFException.class);

            String ending = child.ending(Duration.ofMinutes(1));

            assertThat(ending).startsWith("exit status 9: ").endsWith("Fatal Python error: Segmentation fault");
            assertThat(ending.length()).isLessThan(4200);
        }
    }
}
