package io.logflux.release.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trove classifiers PyPI accepts and the deprecated ones it refuses (with their replacements): warehouse's
 * forklift/metadata.py (lines 162-190) refuses a classifier not in trove_classifiers.all_classifiers and one in
 * deprecated_classifiers, from the trove-classifiers release pypi/warehouse requirements/main.txt pins. The lists are
 * resources written by scripts/refresh-pypi-lists.sh, plus trove-classifiers-pin-additions.txt, the classifiers
 * known to be in the pinned release when the lists had to come from an older one. Read on first use only.
 */
final class TroveClassifiers {
    private TroveClassifiers() {
    }

    static boolean isAccepted(String classifier) {
        return Lists.ACCEPTED.contains(classifier);
    }

    /** The replacements of a deprecated classifier (possibly none), or empty when it is not deprecated. */
    static Optional<List<String>> replacementsOfDeprecated(String classifier) {
        return Optional.ofNullable(Lists.DEPRECATED.get(classifier));
    }

    private static final class Lists {
        static final Set<String> ACCEPTED = accepted();
        static final Map<String, List<String>> DEPRECATED = deprecated();

        private static Set<String> accepted() {
            List<String> released = PypiDataList.entries("trove-classifiers.txt");
            List<String> added = PypiDataList.entries("trove-classifiers-pin-additions.txt");
            Set<String> accepted = new HashSet<>((released.size() + added.size()) * 2);
            accepted.addAll(released);
            accepted.addAll(added);
            return accepted;
        }

        private static Map<String, List<String>> deprecated() {
            Map<String, List<String>> deprecated = new HashMap<>();
            for (String line : PypiDataList.entries("trove-classifiers-deprecated.txt")) {
                String[] parts = line.split("\t", 2);
                deprecated.put(parts[0], parts.length < 2 || parts[1].isBlank() ? List.of()
                        : List.of(parts[1].split("; ")));
            }
            return deprecated;
        }
    }
}
