package io.logflux.release.rehearsal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An upload written by hand on a raw socket, so that a test can send what no client library would: a body generated
 * as it is written (chunked, without end), cut off, or stalled. Costs the test no memory whatever it sends.
 */
final class RawUpload implements AutoCloseable {
    static final String BOUNDARY = "flood-boundary";
    /** A piece of endless data; written again and again, never copied. */
    static final byte[] ZEROS = new byte[64 * 1024];

    private final Socket socket;
    private final OutputStream out;
    private final boolean chunked;

    /** Opens the connection and sends the request head; {@code contentLength} -1 for a chunked body. */
    RawUpload(String uploadUrl, String token, long contentLength) throws IOException {
        URI url = URI.create(uploadUrl);
        this.socket = new Socket(url.getHost(), url.getPort());
        // A guard only: every test ends long before, when the server answers or closes.
        socket.setSoTimeout(30_000);
        this.out = socket.getOutputStream();
        this.chunked = contentLength < 0;
        StringBuilder head = new StringBuilder("POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                + url.getPort() + "\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary="
                + BOUNDARY + "\r\n");
        if (token != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(("__token__:" + token)
                    .getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A whole text part, its closing line break included. */
    static byte[] field(String name, String value) {
        return ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n");
    }

    /** The text parts of a form, in order. */
    static byte[] fields(List<Map.Entry<String, String>> form) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        form.forEach(f -> all.writeBytes(field(f.getKey(), f.getValue())));
        return all.toByteArray();
    }

    /** The opening of a file part; its data follows. */
    static byte[] fileHead(String name, String fileName) {
        return ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    }

    static byte[] end() {
        return ascii("\r\n--" + BOUNDARY + "--\r\n");
    }

    /** Writes body bytes (as one chunk of a chunked body). */
    void write(byte[] bytes) throws IOException {
        if (chunked) {
            out.write(ascii(Integer.toHexString(bytes.length) + "\r\n"));
            out.write(bytes);
            out.write(ascii("\r\n"));
        } else {
            out.write(bytes);
        }
        out.flush();
    }

    /** Ends a chunked body. */
    void finish() throws IOException {
        out.write(ascii("0\r\n\r\n"));
        out.flush();
    }

    /** Stops sending (the body ends here, cut off) and keeps listening. */
    void cutOff() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Writes what {@code body} gives (until it gives null, or forever) on a thread of its own while reading the
     * answer here, until the server closes the connection; returns the answer as received ("" for none).
     */
    String flood(Supplier<byte[]> body) throws IOException, InterruptedException {
        Thread writer = new Thread(() -> {
            try {
                for (byte[] next; (next = body.get()) != null; ) {
                    write(next);
                }
                if (chunked) {
                    finish();
                }
            } catch (IOException e) {
                // The server stopped reading and closed the connection: the end of the flood.
            }
        });
        writer.setDaemon(true);
        writer.start();
        String answer = answer();
        socket.close();
        writer.join();
        return answer;
    }

    /** Everything the server sends until it closes the connection. */
    String answer() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // Reset after the answer: a server that did not read the whole body closes without lingering.
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
