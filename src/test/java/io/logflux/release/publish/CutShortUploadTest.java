package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An upload whose connection breaks in the middle of the file, to an index that keeps what arrived (pypiserver behind
 * wsgiref: src/test/resources/wire/lenient_index.py mirrors its routes). The index then lists a file of ours, cut
 * short: the error says so and how to clear it, instead of calling it another release's file.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CutShortUploadTest {
    private static final String TOKEN = "pypi-cut-short-test-token";
    private static final int BYTES_OF_THE_FILE_LET_THROUGH = 600;

    @TempDir
    Path dir;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private Process index;

    @AfterEach
    void stop() throws InterruptedException {
        if (index != null) {
            index.destroy();
            index.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    @Test
    void aFileTheIndexKeptCutShortIsNamedAsOursCutShortNotAsAnotherRelease() throws Exception {
        Path packages = Files.createDirectories(dir.resolve("packages"));
        int port = startLenientIndex(packages);
        Path wheel = SampleBuild.shared().wheel();
        try (CuttingRelay relay = new CuttingRelay(port)) {
            PackageIndex target = PackageIndex.resolve("http://127.0.0.1:" + relay.port() + "/", null, null);
            Publisher publisher = new Publisher(target, IndexCredentials.token(TOKEN, "credentials 'index-token'"),
                    HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)),
                    PublishOptions.defaults(), sleeps::add, log::add);

            ReleaseException e = catchThrowableOfType(ReleaseException.class,
                    () -> publisher.publish(List.of(wheel)));

            assertThat(e).as(String.join("\n", log)).isNotNull();
            Captured.record(getClass().getSimpleName(), e.getMessage());
            assertThat(relay.cut()).as("the upload's connection was cut").isTrue();
            Path kept = packages.resolve(wheel.getFileName().toString());
            assertThat(kept).as("the index kept the part that arrived").exists();
            assertThat(Files.size(kept)).isLessThan(Files.size(wheel));
            assertThat(e.reason()).isEqualTo("conflict");
            assertThat(e.getMessage()).startsWith(wheel.getFileName() + " is on " + target.describe()
                            + " now with other content than ours")
                    .contains("it was not there before this upload, whose connection broke before the index answered")
                    .contains("Most likely the index kept our upload cut short")
                    .contains("remove that file from the index")
                    .doesNotContain("Increment version number")
                    .doesNotContain(TOKEN);
        }
    }

    private int startLenientIndex(Path packages) throws Exception {
        Path script = Path.of(getClass().getResource("/wire/lenient_index.py").toURI());
        Path portFile = dir.resolve("port");
        index = new ProcessBuilder(DebianPython.executable(), script.toString(), packages.toString(),
                portFile.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("index.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile)) {
            if (!index.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the lenient index did not start: "
                        + Files.readString(dir.resolve("index.log")));
            }
            Thread.sleep(20);
        }
        return Integer.parseInt(Files.readString(portFile).strip());
    }

    /**
     * A TCP relay to the index that cuts the first connection carrying a file part: it lets the request through up to
     * a few hundred bytes into the file, then closes both sides, as a network that drops mid-upload does.
     */
    private static final class CuttingRelay implements AutoCloseable {
        private static final byte[] FILE_PART = "filename=\"".getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket listener;
        private final int upstream;
        private final AtomicBoolean cut = new AtomicBoolean();
        private final Thread acceptor;

        CuttingRelay(int upstream) throws IOException {
            this.upstream = upstream;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::accept, "cutting-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        boolean cut() {
            return cut.get();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                    pump(server, client, false);
                    pump(client, server, true);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to, boolean request) {
            Thread thread = new Thread(() -> {
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (request && !cut.get()) {
                            seen.write(buffer, 0, n);
                            int limit = cutAt(seen.toByteArray());
                            if (limit >= 0 && cut.compareAndSet(false, true)) {
                                int already = seen.size() - n;
                                out.write(buffer, 0, Math.max(0, Math.min(n, limit - already)));
                                out.flush();
                                from.close();
                                to.close();
                                return;
                            }
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // the other side went away: this direction ends too
                }
            }, "cutting-relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        /** Where the request is cut: that many bytes into the file part's data; -1 while not that far yet. */
        private static int cutAt(byte[] seen) {
            int part = indexOf(seen, FILE_PART, 0);
            if (part < 0) {
                return -1;
            }
            int data = indexOf(seen, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), part);
            if (data < 0 || seen.length < data + 4 + BYTES_OF_THE_FILE_LET_THROUGH) {
                return -1;
            }
            return data + 4 + BYTES_OF_THE_FILE_LET_THROUGH;
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
