package io.logflux.release.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
        try (InputStream in = PypiDataList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("logflux-release is missing its data list " + resource
                        + "; the jar is incomplete: rebuild it (scripts/refresh-pypi-lists.sh regenerates the list)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> entries = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data list " + resource, e);
        }
    }
}
