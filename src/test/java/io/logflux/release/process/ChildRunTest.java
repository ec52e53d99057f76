package io.logflux.release.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildRunTest {
    @TempDir
    Path dir;

    @Test
    void aChildThatHangsWithItsOutputOpenIsStoppedAtTheTimeout() {
        assertThatThrownBy(() -> ChildRun.run(List.of("sh", "-c", "echo started; exec sleep 600"), dir,
                ChildEnvironment.ofThisProcess(), Map.of(), Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void aChildWhoseCallerIsInterruptedIsKilled() throws Exception {
        Path pidFile = dir.resolve("pid");
        Throwable[] thrown = {null};
        Thread caller = new Thread(() -> {
            try {
                ChildRun.run(List.of("sh", "-c", "echo $$ > pid.tmp && mv pid.tmp pid && exec sleep 600"), dir,
                        ChildEnvironment.ofThisProcess(), Map.of(), Duration.ofMinutes(10));
            } catch (Exception e) {
                thrown[0] = e;
            }
        });
        caller.start();
        while (!Files.exists(pidFile)) { // the child's readiness file: it runs, with its pid in it
            Thread.sleep(10);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());

        caller.interrupt();
        caller.join();

        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the child is gone").isFalse();
    }

    @Test
    void onlyTheLastMebibyteOfTheOutputIsKept() throws Exception {
        ChildRun.Result result = ChildRun.run(List.of("sh", "-c", "head -c 3145728 /dev/zero | tr '\\0' x; echo; "
                + "echo the end; exit 3"), dir, ChildEnvironment.ofThisProcess(), Map.of(), Duration.ofMinutes(1));

        assertThat(result.status()).isEqualTo(3);
        assertThat(result.output().length()).isLessThanOrEqualTo(1 << 20);
        assertThat(result.tail()).endsWith("the end");
    }
}
