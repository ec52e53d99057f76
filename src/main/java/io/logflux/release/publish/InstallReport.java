package io.logflux.release.publish;

/**
 * The install check's result: what was installed from where, what the import printed, and how pip got into the venv
 * ({@link PipWay}: the host's pip with {@code --python}, or the venv's own).
 */
public record InstallReport(String requirement, String indexUrl, String importedVersion, int attempts, PipWay way) {
}
