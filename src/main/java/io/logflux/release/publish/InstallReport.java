package io.logflux.release.publish;

/** The install check's result: what was installed from where, and what the import printed. */
public record InstallReport(String requirement, String indexUrl, String importedVersion, int attempts) {
}
