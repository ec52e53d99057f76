package io.logflux.release.publish;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.WheelFilename;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text fields of a legacy-API upload, built from the file's own core metadata (pypi-protocol.md §1.2): field names
 * lower-cased with '-' → '_', multi-use fields one part per value under warehouse's plural names, the description from
 * the metadata body, plus the action, protocol version, file type, python version and the sha256 digest (warehouse
 * computes the other digests itself).
 */
public final class UploadForm {
    static final String ACTION = ":action";
    static final String ACTION_UPLOAD = "file_upload";
    /** Multi-use fields whose form name differs from the lower-cased field name. */
    private static final Map<String, String> PLURAL = Map.of(
            "classifier", "classifiers",
            "project_url", "project_urls");

    private final List<Map.Entry<String, String>> fields;

    private UploadForm(List<Map.Entry<String, String>> fields) {
        this.fields = Collections.unmodifiableList(fields);
    }

    /** Every field, the sha256 last: the digest-first layout's text fields. */
    public static UploadForm of(String fileName, CoreMetadata metadata, FileDigests digests) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(describing(fileName, metadata).fields);
        fields.add(Map.entry(UploadBody.DIGEST_FIELD, digests.sha256()));
        return new UploadForm(fields);
    }

    /** Every field but the sha256, which the streamed layouts send after the file ({@link UploadBody}). */
    static UploadForm describing(String fileName, CoreMetadata metadata) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry(ACTION, ACTION_UPLOAD));
        fields.add(Map.entry("protocol_version", "1"));
        boolean licenseFilesKnown = metadataVersionAtLeast(metadata.metadataVersion().orElse("1.0"), 2, 4);
        for (String field : metadata.fieldNames()) {
            String key = field.toLowerCase(Locale.ROOT).replace('-', '_');
            if (key.equals("license_file") && !licenseFilesKnown) {
                // setuptools wrote License-File before Metadata-Version 2.4 defined it; PyPI would refuse it (as twine, drop it).
                continue;
            }
            String formName = PLURAL.getOrDefault(key, key);
            for (String value : metadata.all(field)) {
                fields.add(Map.entry(formName, key.equals("description") ? unfoldDescription(value) : value));
            }
        }
        if (metadata.first("Description").isEmpty()) {
            metadata.body().ifPresent(body -> fields.add(Map.entry("description", body)));
        }
        DistFilename name = DistFilename.parse(fileName);
        if (name instanceof WheelFilename wheel) {
            fields.add(Map.entry("filetype", "bdist_wheel"));
            fields.add(Map.entry("pyversion", String.join(".", wheel.pythonTags())));
        } else {
            // Warehouse takes an absent pyversion or "source" for an sdist; twine sends none.
            fields.add(Map.entry("filetype", "sdist"));
        }
        return new UploadForm(fields);
    }

    /** An upload form with nothing but the action: what the token probe sends. */
    static UploadForm probe() {
        return new UploadForm(List.of(Map.entry(ACTION, ACTION_UPLOAD)));
    }

    /**
     * The token probe of a publish: a form that passes warehouse's form validation but for the digest (name,
     * version, metadata version, an sdist's file type), without a file. Warehouse authenticates first (403 for an
     * unknown token), then answers 400 "Error: Include at least one message digest." (forms.py, UploadForm.validate):
     * before any project is looked up, so nothing is created. That answer shows the index refuses a form without a
     * digest ({@link UploadBody}).
     */
    static UploadForm digestProbe(DistFile file) {
        return new UploadForm(List.of(
                Map.entry(ACTION, ACTION_UPLOAD),
                Map.entry("protocol_version", "1"),
                Map.entry("metadata_version", file.metadata().metadataVersion().orElse("2.1")),
                Map.entry("name", file.name()),
                Map.entry("version", file.version()),
                Map.entry("filetype", "sdist")));
    }

    /**
     * The second probe, for an index that did not show it requires a digest: the publish probe's fields but the
     * action. pypiserver refuses it with "Missing ':action' field!" before it looks for a file ({@link BodyLayout}).
     */
    static UploadForm actionProbe(DistFile file) {
        return digestProbe(file).without(ACTION);
    }

    /** These fields but every value of {@code name}. */
    UploadForm without(String name) {
        return new UploadForm(fields.stream().filter(e -> !e.getKey().equals(name)).toList());
    }

    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    public List<String> values(String name) {
        return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** A Description header folds its lines with "\n        |" or leading spaces; undo the folding. */
    private static String unfoldDescription(String value) {
        String[] lines = value.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.startsWith("        |") ? line.substring(9)
                    : line.startsWith("       |") ? line.substring(8)
                    : line.startsWith(" ") || line.startsWith("\t") ? line.substring(1) : line;
            out.append('\n').append(stripped);
        }
        return out.toString();
    }

    private static boolean metadataVersionAtLeast(String version, int major, int minor) {
        String[] parts = version.strip().split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
