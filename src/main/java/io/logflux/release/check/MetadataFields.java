package io.logflux.release.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The core metadata fields, the metadata version that introduced each, and whether it may repeat
 * (https://packaging.python.org/specifications/core-metadata/; the same table as packaging's Metadata class).
 */
final class MetadataFields {
    /** The versions PyPI accepts (warehouse/forklift/metadata.py), in order. */
    static final List<String> ACCEPTED_VERSIONS = List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");

    record Field(String name, String introduced, boolean multiple) {
    }

    private static final Map<String, Field> FIELDS = new TreeMap<>();

    static {
        add("Metadata-Version", "1.0", false);
        add("Name", "1.0", false);
        add("Version", "1.0", false);
        add("Dynamic", "2.2", true);
        add("Platform", "1.0", true);
        add("Supported-Platform", "1.1", true);
        add("Summary", "1.0", false);
        add("Description", "1.0", false);
        add("Description-Content-Type", "2.1", false);
        add("Keywords", "1.0", false);
        add("Home-page", "1.0", false);
        add("Download-URL", "1.1", false);
        add("Author", "1.0", false);
        add("Author-email", "1.0", false);
        add("Maintainer", "1.2", false);
        add("Maintainer-email", "1.2", false);
        add("License", "1.0", false);
        add("License-Expression", "2.4", false);
        add("License-File", "2.4", true);
        add("Classifier", "1.1", true);
        add("Requires-Dist", "1.2", true);
        add("Requires-Python", "1.2", false);
        add("Requires-External", "1.2", true);
        add("Project-URL", "1.2", true);
        add("Provides-Extra", "2.1", true);
        add("Provides-Dist", "1.2", true);
        add("Obsoletes-Dist", "1.2", true);
        add("Import-Name", "2.5", true);
        add("Import-Namespace", "2.5", true);
        add("Requires", "1.1", true);
        add("Provides", "1.1", true);
        add("Obsoletes", "1.1", true);
    }

    private MetadataFields() {
    }

    private static void add(String name, String introduced, boolean multiple) {
        FIELDS.put(name.toLowerCase(Locale.ROOT), new Field(name, introduced, multiple));
    }

    static Optional<Field> lookup(String name) {
        return Optional.ofNullable(FIELDS.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Orders metadata versions; unknown versions sort after every known one. */
    static int compareVersions(String a, String b) {
        int ia = ACCEPTED_VERSIONS.indexOf(a);
        int ib = ACCEPTED_VERSIONS.indexOf(b);
        return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
    }
}
