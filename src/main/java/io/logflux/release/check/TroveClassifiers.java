package io.logflux.release.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trove classifiers PyPI accepts and the deprecated ones it refuses (with their replacements), shipped as
 * resources from pypa/trove-classifiers and refreshed by scripts/refresh-classifiers.sh.
 */
final class TroveClassifiers {
    private static final Set<String> ACCEPTED = new HashSet<>(lines("trove-classifiers.txt"));
    private static final Map<String, List<String>> DEPRECATED = deprecated();

    private TroveClassifiers() {
    }

    static boolean isAccepted(String classifier) {
        return ACCEPTED.contains(classifier);
    }

    /** The replacements of a deprecated classifier (possibly none), or empty when it is not deprecated. */
    static Optional<List<String>> replacementsOfDeprecated(String classifier) {
        return Optional.ofNullable(DEPRECATED.get(classifier));
    }

    private static Map<String, List<String>> deprecated() {
        Map<String, List<String>> deprecated = new LinkedHashMap<>();
        for (String line : lines("trove-classifiers-deprecated.txt")) {
            String[] parts = line.split("\t", 2);
            deprecated.put(parts[0], parts.length < 2 || parts[1].isBlank() ? List.of()
                    : List.of(parts[1].split("; ")));
        }
        return deprecated;
    }

    private static List<String> lines(String resource) {
        InputStream in = TroveClassifiers.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
