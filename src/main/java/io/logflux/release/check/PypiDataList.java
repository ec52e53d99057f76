package io.logflux.release.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of the data lists scripts/refresh-pypi-lists.sh writes from the sources PyPI uses (each file says its
 * source in its '#' header). Callers keep what it returns in holder classes, so a list is read only when a rule first
 * needs it, never at start-up.
 */
final class PypiDataList {
    private PypiDataList() {
    }

    /** The entries of a list: its lines without the '#' comments and blank lines. */
    static List<String> entries(String resource) {
        byte[] bytes;
        try (InputStream in = PypiDataList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("logflux-release is missing its data list " + resource
                        + "; the jar is incomplete: rebuild it (scripts/refresh-pypi-lists.sh regenerates the list)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data list " + resource, e);
        }
        // One decode and a plain line split: cheaper on a cold JVM than a BufferedReader (no reader classes to load).
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>(text.length() / 16);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start && text.charAt(start) != '#') {
                String line = text.substring(start, text.charAt(end - 1) == '\r' ? end - 1 : end);
                if (!line.isBlank()) {
                    entries.add(line);
                }
            }
            start = end + 1;
        }
        return entries;
    }
}
