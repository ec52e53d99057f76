package io.logflux.release.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of an index that watches the requests carrying a file part: how many bytes of the file it has
 * passed on, and when the index closed that connection. Given a cut, it cuts the first such connection that many bytes
 * into the file, closing both sides, as a network that drops mid-upload does.
 */
final class UploadRelay implements AutoCloseable {
    private static final byte[] FILE_PART = "filename=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PART_HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long WAIT_SECONDS = 60;

    private final ServerSocket listener;
    private final int upstream;
    private final int cutAfterFileBytes;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicLong fileBytes = new AtomicLong();
    private final CountDownLatch uploadClosedByIndex = new CountDownLatch(1);

    /** @param cutAfterFileBytes where to cut the first upload, in bytes of its file; -1: never */
    UploadRelay(int upstream, int cutAfterFileBytes) throws IOException {
        this.upstream = upstream;
        this.cutAfterFileBytes = cutAfterFileBytes;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "upload-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean cut() {
        return cut.get();
    }

    /** Waits until the index has been sent at least {@code bytes} of a file (the rest of the body may not follow). */
    void awaitFileBytes(long bytes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (fileBytes.get() < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index was sent " + fileBytes.get() + " bytes of the file, not " + bytes);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** True once the index has closed a connection that carried a file part (it has done with that request). */
    boolean awaitUploadClosedByIndex() throws InterruptedException {
        return uploadClosedByIndex.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                Connection connection = new Connection();
                pump(server, client, connection, false);
                pump(client, server, connection, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What one connection's request has shown so far. */
    private static final class Connection {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private long sent;
        private volatile int fileStart = -1;
    }

    private void pump(Socket from, Socket to, Connection connection, boolean request) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (request && cutHere(connection, buffer, n, out)) {
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side went away: this direction ends too
            } finally {
                if (request) {
                    // However the client's side ended, the index sees the end of the request: it answers what came.
                    try {
                        to.shutdownOutput();
                    } catch (IOException ignored) {
                        // already closed
                    }
                } else if (connection.fileStart >= 0) {
                    uploadClosedByIndex.countDown();
                }
            }
        }, "upload-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes the request's bytes; true (after passing on what comes before the cut) when it is cut here. */
    private boolean cutHere(Connection connection, byte[] buffer, int n, OutputStream out) throws IOException {
        long before = connection.sent;
        connection.sent += n;
        if (connection.fileStart < 0) {
            connection.head.write(buffer, 0, n);
            connection.fileStart = fileStart(connection.head.toByteArray());
            if (connection.fileStart < 0) {
                return false;
            }
        }
        long intoFile = connection.sent - connection.fileStart;
        if (cutAfterFileBytes >= 0 && intoFile >= cutAfterFileBytes && cut.compareAndSet(false, true)) {
            long limit = connection.fileStart + (long) cutAfterFileBytes;
            out.write(buffer, 0, (int) Math.max(0, Math.min(n, limit - before)));
            out.flush();
            fileBytes.accumulateAndGet(cutAfterFileBytes, Math::max);
            return true;
        }
        fileBytes.accumulateAndGet(intoFile, Math::max);
        return false;
    }

    /** Where the file part's data starts in what the request has sent; -1 while not that far yet. */
    private static int fileStart(byte[] seen) {
        int part = indexOf(seen, FILE_PART, 0);
        if (part < 0) {
            return -1;
        }
        int data = indexOf(seen, PART_HEADERS_END, part);
        return data < 0 ? -1 : data + PART_HEADERS_END.length;
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
