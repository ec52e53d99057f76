package io.logflux.release.rehearsal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * warehouse's decision on an upload, in its order of checks (pypi-protocol.md §1.3; warehouse 6b62157,
 * warehouse/forklift/legacy.py as "L"): who sends it, its fields, its file, then duplicates; stores it when it
 * passes. Returns "NNN message" for a refusal, null when stored (or an identical file is already there).
 */
final class UploadRules {
    private final IndexStorage storage;
    /** warehouse/constants.py L3-L6: 100 MiB unless raised for the project. */
    private volatile long maxFileBytes = 100L << 20;

    UploadRules(IndexStorage storage) {
        this.storage = storage;
    }

    void maxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
    }

    /** The limits an upload is read against now (the file limit as it is when the upload starts). */
    FormLimits limits() {
        return FormLimits.forFiles(maxFileBytes);
    }

    /**
     * Decides on the parts read, the file checked against {@code fileLimit} (the limit it was read against). A
     * file over it was read only up to there ({@code complete} false), so the fields after it are unknown: twine
     * sends the file last, logflux-release may send the sha256 after it. Warehouse reads the whole form before it
     * decides, so a digest that may have followed the file is not missing: the answer is the file's size.
     */
    String decide(String authorization, List<FormPart> parts, long fileLimit, boolean complete) throws IOException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        FormPart content = null;
        for (FormPart part : parts) {
            if (part.isFile()) {
                if (!"content".equals(part.name())) {
                    return "400 " + part.name() + ": Should not be a tuple.";
                }
                content = part;
            } else if (!part.value().isEmpty() && !part.value().equals("UNKNOWN")) {
                form.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(part.value());
            }
        }
        Identity identity = Identity.of(authorization, storage);
        String refusal = identity == null ? "403 Invalid or non-existent authentication information. See "
                + "https://pypi.org/help/#invalid-auth for more information."
                : identity.isUser() ? "403 Username/Password authentication is no longer supported. Migrate to API "
                + "Tokens or Trusted Publishers instead. See https://pypi.org/help/#apitoken and "
                + "https://pypi.org/help/#trusted-publishers"
                : firstRefusal(FormChecks.metadata(form), FormChecks.fileType(form),
                FormChecks.digestsAndVersion(form, !complete));
        if (refusal != null) {
            return refusal;
        }
        if (content == null) {
            // L741-L744.
            return "400 Upload payload does not have a file.";
        }
        return file(identity, form, content, fileLimit);
    }

    private static String firstRefusal(String... checks) {
        for (String check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }

    /** The token's scope (L813-L844), then the file's name, extension, type and size (L1112-L1175), its digests. */
    private String file(Identity identity, Map<String, List<String>> form, FormPart content, long limit)
            throws IOException {
        String project = IndexStorage.normalize(FormChecks.first(form, "name"));
        Set<String> scope = storage.scopeOf(identity.token()).orElse(Set.of());
        if (!scope.isEmpty() && !scope.contains(project)) {
            // warehouse/macaroons/caveats/__init__.py L52-L96: the caveat's reason after "Invalid API Token: ".
            return "403 Invalid API Token: project-scoped token is not valid for project: '" + project + "'";
        }
        String filename = content.fileName();
        if (filename.contains("/") || filename.contains("\\") || filename.chars().anyMatch(c -> c < 32)) {
            return "400 Cannot upload a file with '/' or '\\' in the name.";
        }
        String filetype = FormChecks.first(form, "filetype");
        boolean extensionOk = filetype.equals("sdist") ? filename.endsWith(".tar.gz") || filename.endsWith(".zip")
                : filename.endsWith(".whl");
        if (!extensionOk) {
            return "400 Invalid file extension: Use .tar.gz, .whl or .zip extension. See "
                    + "https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ for more "
                    + "information";
        }
        if (content.contentType() == null || content.contentType().isBlank()
                || content.contentType().toLowerCase(Locale.ROOT).startsWith("image/")) {
            return "400 Invalid distribution file.";
        }
        // L1149-L1164: checked as the file is read (so is the index's).
        if (content.size() > limit) {
            return "400 File too large. Limit for project '" + project + "' is " + (limit / (1 << 20))
                    + " MB. See https://docs.pypi.org/project-management/storage-limits"
                    + "#requesting-a-file-size-limit-increase for more information.";
        }
        if (!FormChecks.digestsMatch(form, content.digests())) {
            return "400 The digest supplied does not match a digest calculated from the uploaded file.";
        }
        return storeUnlessDuplicate(project, form, content);
    }

    /** L483-L510 (_is_duplicate_file), L1205-L1224 and L1262-L1275, then the file is stored. */
    private String storeUnlessDuplicate(String project, Map<String, List<String>> form, FormPart content)
            throws IOException {
        String filename = content.fileName();
        ContentDigests digests = content.digests();
        String version = FormChecks.first(form, "version");
        String filetype = FormChecks.first(form, "filetype");
        synchronized (storage) {
            for (StoredFile existing : storage.files()) {
                if (existing.filename().equals(filename) || existing.blake2b256().equals(digests.blake2b256())) {
                    if (existing.filename().equals(filename) && existing.sha256().equals(digests.sha256())
                            && existing.blake2b256().equals(digests.blake2b256())) {
                        return null;
                    }
                    // legacy.py quotes the hash of the bytes just sent (file_hashes["blake2_256"]), not the stored
                    // file's: the text says nothing about what the index holds.
                    return "400 File already exists ('" + filename + "', with blake2_256 hash '"
                            + digests.blake2b256() + "'). See https://pypi.org/help/#file-name-reuse for more "
                            + "information.";
                }
            }
            if (filetype.equals("sdist") && storage.files().stream().anyMatch(f -> f.project().equals(project)
                    && f.version().equals(version) && f.packagetype().equals("sdist"))) {
                return "400 Only one sdist may be uploaded per release.";
            }
            storage.store(project, version, filename, filetype, FormChecks.first(form, "requires_python"),
                    content.file(), digests);
        }
        return null;
    }
}
