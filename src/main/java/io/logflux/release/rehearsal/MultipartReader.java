package io.logflux.release.rehearsal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body as it arrives: text parts into memory (bounded), file parts straight to a temporary
 * file, digested as it is written (sha256, BLAKE2b-256, MD5: what the index compares and lists), so the index
 * neither grows with the upload nor reads it again.
 */
final class MultipartReader {
    private static final int MAX_FIELD_BYTES = 1 << 20;
    private static final Pattern PARAM = Pattern.compile(";\\s*([a-zA-Z*]+)=(\"([^\"]*)\"|[^;]*)");

    /** A form part; a file part carries the digests of its bytes, computed as they were written. */
    record Part(String name, String fileName, String contentType, String value, Path file, long size,
                ContentDigests digests) {
        boolean isFile() {
            return fileName != null;
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final Path tempDir;
    private final byte[] window;
    private int start;
    private int end;

    MultipartReader(InputStream in, String boundary, Path tempDir) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.tempDir = tempDir;
        this.window = new byte[64 * 1024 + delimiter.length];
    }

    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = PARAM.matcher(contentType);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("boundary")) {
                return m.group(3) != null ? m.group(3) : m.group(2).trim();
            }
        }
        return null;
    }

    /** Reads every part; throws IOException on a malformed or truncated body. */
    List<Part> readAll() throws IOException {
        List<Part> parts = new ArrayList<>();
        // The first delimiter has no leading CRLF: pretend it had one.
        byte[] first = new byte[delimiter.length - 2];
        readFully(first);
        if (!new String(first, StandardCharsets.ISO_8859_1).equals(new String(delimiter, 2, delimiter.length - 2,
                StandardCharsets.ISO_8859_1))) {
            throw new IOException("body does not start with the boundary");
        }
        while (true) {
            String after = readLine();
            if (after.startsWith("--")) {
                return parts;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line; !(line = readLine()).isEmpty(); ) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            String disposition = headers.getOrDefault("content-disposition", "");
            String name = param(disposition, "name");
            String fileName = param(disposition, "filename");
            if (fileName != null) {
                Path file = Files.createTempFile(tempDir, "part", ".bin");
                DigestingOutputStream out = new DigestingOutputStream(Files.newOutputStream(file));
                long size;
                try (out) {
                    size = copyUntilDelimiter(out, Long.MAX_VALUE);
                }
                parts.add(new Part(name, fileName, headers.get("content-type"), null, file, size, out.digests()));
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                long size = copyUntilDelimiter(value, MAX_FIELD_BYTES);
                parts.add(new Part(name, null, headers.get("content-type"), value.toString(StandardCharsets.UTF_8),
                        null, size, null));
            }
        }
    }

    /** Writes through to a file while digesting what passes. */
    private static final class DigestingOutputStream extends FilterOutputStream {
        private final ContentDigests.Accumulator digests = new ContentDigests.Accumulator();

        DigestingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digests.update(bytes, offset, length);
        }

        ContentDigests digests() {
            return digests.finish();
        }
    }

    private static String param(String header, String name) {
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2).trim();
            }
        }
        return null;
    }

    private long copyUntilDelimiter(OutputStream out, long limit) throws IOException {
        long copied = 0;
        while (true) {
            fill(window.length / 2);
            int found = indexOfDelimiter();
            if (found >= 0) {
                out.write(window, start, found - start);
                copied += found - start;
                start = found + delimiter.length;
                return copied;
            }
            if (end - start < delimiter.length) {
                throw new IOException("body ends before the closing boundary");
            }
            int safe = end - delimiter.length + 1;
            out.write(window, start, safe - start);
            copied += safe - start;
            start = safe;
            if (copied > limit) {
                throw new IOException("form field larger than " + limit + " bytes");
            }
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i <= end - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (window[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void fill(int wanted) throws IOException {
        if (end - start >= wanted) {
            return;
        }
        if (window.length - start < wanted) {
            System.arraycopy(window, start, window, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < wanted) {
            int n = in.read(window, end, window.length - end);
            if (n < 0) {
                return;
            }
            end += n;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (start == end) {
                fill(1);
                if (start == end) {
                    throw new IOException("body ends inside a part header");
                }
            }
            byte b = window[start++];
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
            if (line.size() > 16 * 1024) {
                throw new IOException("part header line too long");
            }
        }
    }

    private void readFully(byte[] into) throws IOException {
        int got = 0;
        while (got < into.length) {
            if (start == end) {
                fill(1);
                if (start == end) {
                    throw new IOException("body ends before the first boundary");
                }
            }
            int take = Math.min(into.length - got, end - start);
            System.arraycopy(window, start, into, got, take);
            start += take;
            got += take;
        }
    }
}
