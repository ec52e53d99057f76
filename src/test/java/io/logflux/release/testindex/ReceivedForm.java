package io.logflux.release.testindex;

import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload body as the test index saw it on the wire: its non-empty text fields (as warehouse reads them: "UNKNOWN"
 * counts as empty) and its {@code content} file part's name and sha256.
 */
record ReceivedForm(List<Map.Entry<String, String>> fields, String fileName, String sha256) {
    private static final Pattern PARAM = Pattern.compile(";\\s*([a-zA-Z*]+)=(\"([^\"]*)\"|[^;]*)");

    /** The form in {@code body}, or null when it is not a readable multipart form. */
    static ReceivedForm parse(String contentType, byte[] body) {
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        String boundary = type == null ? null : type.parameter("boundary");
        if (boundary == null) {
            return null;
        }
        Map<String, List<String>> byName = new LinkedHashMap<>();
        String fileName = null;
        String sha256 = null;
        try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
            for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
                String disposition = part.headers().get("Content-Disposition");
                String name = param(disposition, "name");
                String file = param(disposition, "filename");
                byte[] bytes = part.body().readByteArray();
                if (file != null && "content".equals(name)) {
                    fileName = file;
                    sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                } else if (file == null) {
                    String value = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    if (!value.isEmpty() && !value.equals("UNKNOWN")) {
                        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // As warehouse's form (a MultiDict) gives them back: grouped by name, in the order the names first came.
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        byName.forEach((name, values) -> values.forEach(v -> fields.add(Map.entry(name, v))));
        return new ReceivedForm(List.copyOf(fields), fileName, sha256);
    }

    boolean hasFile() {
        return fileName != null;
    }

    private static String param(String header, String name) {
        if (header == null) {
            return null;
        }
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2).trim();
            }
        }
        return null;
    }
}
