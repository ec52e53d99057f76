package io.logflux.release.publish;

/** A file the index serves with the expected sha256, and where it is downloaded from (empty if not listed). */
public record ServedFile(String fileName, String sha256, String url) {
}
