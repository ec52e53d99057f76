package io.logflux.release.rehearsal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * warehouse's checks of an upload's text fields, in its order (warehouse/forklift/legacy.py L650-L697 and
 * warehouse/forklift/forms.py; pypi-protocol.md §1.3 steps 4-7). Each returns "NNN message" for a refusal, null when
 * the fields pass.
 */
final class FormChecks {
    private static final String CORE_METADATA_HELP =
            " See https://packaging.python.org/specifications/core-metadata for more information.";
    private static final Set<String> METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile(
            "^v?(\\d+!)?\\d+(\\.\\d+)*([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\\d*)?"
                    + "(-\\d+|[-_.]?(post|rev|r)[-_.]?\\d*)?([-_.]?dev[-_.]?\\d*)?(\\+[a-z0-9]+([-_.][a-z0-9]+)*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX64 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{32}$");

    private FormChecks() {
    }

    static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null ? null : values.get(0);
    }

    /** Protocol version, then metadata version, name and version (L650-L697, the core-metadata help link). */
    static String metadata(Map<String, List<String>> form) {
        String protocol = first(form, "protocol_version");
        if (protocol != null && !protocol.equals("1")) {
            return "400 Unknown protocol version.";
        }
        String metadataVersion = first(form, "metadata_version");
        if (metadataVersion == null || !METADATA_VERSIONS.contains(metadataVersion)) {
            return "400 '" + nullToEmpty(metadataVersion) + "' is an invalid value for Metadata-Version. Error: "
                    + (metadataVersion == null ? "This field is required." : "Use a known metadata version.")
                    + CORE_METADATA_HELP;
        }
        String name = first(form, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            return "400 '" + nullToEmpty(name) + "' is an invalid value for Name. Error: Start and end with a letter "
                    + "or numeral containing only ASCII numeric and '.', '_' and '-'." + CORE_METADATA_HELP;
        }
        String version = first(form, "version");
        if (version == null || !VERSION.matcher(version).matches()) {
            return "400 '" + nullToEmpty(version) + "' is an invalid value for Version. Error: Start and end with a "
                    + "letter or numeral containing only ASCII numeric and '.', '_' and '-'." + CORE_METADATA_HELP;
        }
        return null;
    }

    /** File type and python version (forms.py: pyversion required for wheels, "source" or none for an sdist). */
    static String fileType(Map<String, List<String>> form) {
        String filetype = first(form, "filetype");
        if (filetype == null || !(filetype.equals("sdist") || filetype.equals("bdist_wheel"))) {
            return "400 Invalid value for filetype. Error: Use a known file type.";
        }
        String pyversion = first(form, "pyversion");
        if (filetype.equals("bdist_wheel") && pyversion == null) {
            return "400 Invalid value for pyversion. Error: Python version is required for binary distribution "
                    + "uploads.";
        }
        if (filetype.equals("sdist") && pyversion != null && !pyversion.equals("source")) {
            return "400 Invalid value for pyversion. Error: Use 'source' as Python version for an sdist.";
        }
        return null;
    }

    /**
     * At least one well-formed digest (forms.py L58-L118) unless the unread rest of the form may hold it, no local
     * version, a summary of 512 characters or less.
     */
    static String digestsAndVersion(Map<String, List<String>> form, boolean digestMayFollow) {
        String md5 = first(form, "md5_digest");
        String sha256 = first(form, "sha256_digest");
        String blake2 = first(form, "blake2_256_digest");
        if (md5 == null && sha256 == null && blake2 == null && !digestMayFollow) {
            return "400 Error: Include at least one message digest.";
        }
        if ((sha256 != null && !HEX64.matcher(sha256).matches()) || (blake2 != null && !HEX64.matcher(blake2).matches())
                || (md5 != null && !HEX32.matcher(md5).matches())) {
            return "400 Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.";
        }
        String version = first(form, "version");
        if (version.contains("+")) {
            return "400 The use of local versions in '" + version + "' is not allowed. See "
                    + "https://packaging.python.org/specifications/version-specifiers/#local-version-identifiers "
                    + "for more information.";
        }
        String summary = first(form, "summary");
        if (summary != null && summary.length() > 512) {
            return "400 'summary' must be 512 characters or less." + CORE_METADATA_HELP;
        }
        return null;
    }

    /** L1181-L1202: every digest sent must match the bytes received. */
    static boolean digestsMatch(Map<String, List<String>> form, ContentDigests received) {
        String md5 = first(form, "md5_digest");
        String sha256 = first(form, "sha256_digest");
        String blake2 = first(form, "blake2_256_digest");
        return (sha256 == null || sha256.equals(received.sha256()))
                && (blake2 == null || blake2.equals(received.blake2b256()))
                && (md5 == null || md5.equals(received.md5()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
