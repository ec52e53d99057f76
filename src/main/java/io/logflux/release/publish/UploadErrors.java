package io.logflux.release.publish;

import io.logflux.release.publish.IndexRefusedException.Reason;
import io.logflux.release.units.ByteSizes;

import java.util.List;
import java.util.Locale;

/**
 * The messages of a refused upload. Each names the file, the index and where the token came from (never the token),
 * quotes the index's own words, and says what to do.
 */
final class UploadErrors {
    static final String REUPLOAD_GUIDANCE = "PyPI doesn't allow re-uploading the same version. Increment version "
            + "number.";
    static final String RERUN_HINT = "Run the same step again once fixed: files already on the index with the same "
            + "sha256 are skipped, so a re-run completes the release.";

    /** What to do about warehouse's refusals, by words of its message; the first that matches. */
    private static final List<Hint> HINTS = List.of(
            new Hint(List.of("previously used by a file that has since been deleted"),
                    "A deleted file's name can never be used again. " + REUPLOAD_GUIDANCE),
            new Hint(List.of("older than 14 days"), "Files cannot be added to a release that old. " + REUPLOAD_GUIDANCE),
            new Hint(List.of("too similar", "isn't allowed", "is invalid", "conflicts with"),
                    "The index does not accept this project name; choose another name in pyproject.toml."),
            new Hint(List.of("description failed to render"),
                    "Run 'check' on the file: it renders the description as PyPI does and shows the line to fix."),
            new Hint(List.of("only one sdist"),
                    "A release holds one sdist: keep only the .tar.gz that python -m build wrote."),
            new Hint(List.of("non-user identities cannot create new projects"),
                    "Create the project once with a user token (or a pending trusted publisher), then use this token."),
            new Hint(List.of("invalid distribution file", "filename", "invalid file extension", "metadata",
                    "invalid value for"),
                    "Rebuild the file with python -m build and run 'check' on it; it names what PyPI refuses."));

    private record Hint(List<String> words, String text) {
    }

    private UploadErrors() {
    }

    /** The seed's words; for other indexes, first why they apply there too (some could overwrite). */
    static String reuploadGuidance(PackageIndex index) {
        return index.isWarehouseHosted() ? REUPLOAD_GUIDANCE : "A published file must not change under the same name "
                + "(pip caches and pins files by name and hash), and " + REUPLOAD_GUIDANCE;
    }

    static IndexRefusedException tokenRefused(PackageIndex index, IndexCredentials credentials, String fileName,
                                              String projectName, HttpReply reply) {
        String when = (fileName == null ? "The token check before uploading" : "Uploading " + fileName) + " to "
                + index.describe() + " was refused: HTTP " + reply.status() + quoted(reply) + ". Check the token in "
                + credentials.source();
        String nothing = fileName == null ? "Nothing was uploaded." : "";
        if (!index.isWarehouseHosted()) {
            return refused(Reason.TOKEN, reply, fileName, when + ": is it valid for this index, and may it upload to "
                    + "project '" + projectName + "'? " + nothing);
        }
        String scope = index.label().equals("testpypi") ? "is it a token from test.pypi.org? TestPyPI and PyPI have "
                + "separate accounts and tokens" : "is it a token from pypi.org, not test.pypi.org?";
        return refused(Reason.TOKEN, reply, fileName, when + " (is it scoped to project '" + projectName + "'? " + scope
                + "; has it been revoked or expired?). " + (credentials.looksLikePypiToken() ? ""
                : "It does not start with 'pypi-', so it is not a PyPI API token. ") + nothing);
    }

    static IndexRefusedException badRequest(PackageIndex index, String fileName, HttpReply reply,
                                            List<String> uploaded) {
        return refused(Reason.BAD_REQUEST, reply, fileName, index.describe() + " refused " + fileName + ": HTTP "
                + reply.status() + quoted(reply) + ". " + hintFor(reply.message()) + uploadedSoFar(uploaded));
    }

    static IndexRefusedException tooLarge(PackageIndex index, String fileName, long size, HttpReply reply,
                                          List<String> uploaded) {
        return refused(Reason.TOO_LARGE, reply, fileName, index.describe() + " refused " + fileName + " ("
                + ByteSizes.human(size) + ") as too large: HTTP " + reply.status() + quoted(reply) + ". "
                + (index.isWarehouseHosted() ? "PyPI's default limit is 100 MiB per file; ask for a larger limit for "
                + "the project (https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-"
                + "increase) or make the file smaller." : "Raise the index's upload size limit (and that of any proxy "
                + "in front of it) or make the file smaller.") + uploadedSoFar(uploaded));
    }

    /** @param reply the "already exists" answer that led to the listing, or null when only the listing was read */
    static IndexRefusedException conflict(PackageIndex index, ReleaseFile file, RemoteFile remote, HttpReply reply,
                                          List<String> uploaded) {
        return refused(Reason.CONFLICT, reply, file.fileName(), "File already exists: " + file.fileName() + " is on "
                + index.describe() + " with different content (sha256 there " + remote.sha256().orElse("not listed")
                + ", here " + file.digests().sha256() + "). " + reuploadGuidance(index) + " Nothing "
                + (uploaded.isEmpty() ? "from this batch was uploaded." : "more was uploaded after "
                + String.join(", ", uploaded) + "."));
    }

    /**
     * After a send of ours that got no clear answer, the index lists the file with other bytes: it was not there before
     * this upload, so it is most likely our upload cut short and kept (a lenient server), not another release.
     *
     * @param unclear what happened to that send: "whose connection broke before the index answered", …
     */
    static IndexRefusedException arrivedDifferent(PackageIndex index, ReleaseFile file, RemoteFile remote,
                                                  HttpReply reply, String unclear, List<String> uploaded) {
        return refused(Reason.CONFLICT, reply, file.fileName(), file.fileName() + " is on " + index.describe()
                + " now with other content than ours (sha256 there " + remote.sha256().orElse("not listed") + ", here "
                + file.digests().sha256() + "), and it was not there before this upload, "
                + (unclear != null ? unclear : "an attempt of which got no clear answer") + ". Most likely the index kept our upload cut short (pypiserver behind a "
                + "server that hands a cut-off body on, such as wsgiref or Paste, stores what arrived); else another "
                + "upload of this name came in at the same moment. Do not change the version for this: remove that "
                + "file from the index (pypiserver: delete it from its package directory, or POST :action=remove_pkg "
                + "with name and version), then run again." + uploadedSoFar(uploaded));
    }

    static IndexRefusedException existsButNotListed(PackageIndex index, ReleaseFile file, HttpReply reply,
                                                    List<String> uploaded) {
        return refused(Reason.EXISTS_NOT_LISTED, reply, file.fileName(), index.describe() + " says " + file.fileName()
                + " already exists" + quoted(reply) + ", but does not list it with this file's sha256 ("
                + file.digests().sha256() + "). Either another file with this name was uploaded before — then: "
                + reuploadGuidance(index) + " — or the index's listing lags behind; then run again in a few minutes: "
                + "an identical file is skipped." + uploadedSoFar(uploaded));
    }

    static IndexRefusedException wrongUrl(PackageIndex index, String fileName, HttpReply reply) {
        String nothing = " Nothing was uploaded" + (fileName == null ? "." : " for " + fileName + ".");
        if (reply.status() >= 300 && reply.status() < 400) {
            return refused(Reason.WRONG_URL, reply, fileName, "The upload URL " + index.uploadUrl() + " redirects "
                    + "(HTTP " + reply.status() + (reply.location() == null ? "" : " to " + reply.location()) + "), "
                    + "and uploads must not follow redirects. Use the final URL as the repository (PyPI's is "
                    + "https://upload.pypi.org/legacy/, with the trailing slash)." + nothing);
        }
        return refused(Reason.WRONG_URL, reply, fileName, index.uploadUrl() + " does not accept uploads (HTTP "
                + reply.status() + quoted(reply) + "). Is it the simple index (for installing) instead of the upload "
                + "URL? PyPI's upload URL is https://upload.pypi.org/legacy/; private indexes document theirs."
                + nothing);
    }

    static IndexRefusedException unexpected(PackageIndex index, String fileName, HttpReply reply,
                                            List<String> uploaded) {
        return refused(Reason.UNEXPECTED, reply, fileName, "Unexpected answer from " + index.describe() + " to the "
                + "upload of " + fileName + ": HTTP " + reply.status() + quoted(reply) + ". " + RERUN_HINT
                + uploadedSoFar(uploaded));
    }

    static IndexUnreachableException gaveUp(PackageIndex index, String fileName, int attempts, String lastProblem,
                                            Throwable cause, List<String> uploaded) {
        return new IndexUnreachableException("Uploading " + fileName + " to " + index.describe() + " failed "
                + attempts + " times; the last problem: " + lastProblem + ". Before each retry the index was checked, "
                + "and it does not have the file, so nothing is half-uploaded. Check the network or "
                + (index.isWarehouseHosted() ? "PyPI's status page (https://status.python.org)" : "the index's logs")
                + "; for large files on slow links raise the upload timeout. " + RERUN_HINT + uploadedSoFar(uploaded), cause);
    }

    static boolean saysExists(HttpReply reply) {
        return reply.status() == 409 || (reply.status() == 400
                && (reply.message() + " " + reply.body()).toLowerCase(Locale.ROOT).contains("already exist"));
    }

    static boolean saysTooLarge(HttpReply reply) {
        return reply.status() == 413 || (reply.status() == 400
                && reply.message().toLowerCase(Locale.ROOT).contains("too large"));
    }

    private static String hintFor(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return HINTS.stream().filter(hint -> hint.words().stream().anyMatch(m::contains)).map(Hint::text).findFirst()
                .orElse("Fix what the index says, then: " + RERUN_HINT);
    }

    private static IndexRefusedException refused(Reason reason, HttpReply reply, String fileName, String message) {
        return new IndexRefusedException(reason, reply, fileName, message);
    }

    private static String quoted(HttpReply reply) {
        String message = reply.message();
        return message.isEmpty() ? "" : " \"" + message + "\"";
    }

    private static String uploadedSoFar(List<String> uploaded) {
        return uploaded.isEmpty() ? "" : " Already uploaded in this run: " + String.join(", ", uploaded) + ".";
    }
}
