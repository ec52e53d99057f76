package io.logflux.release.github;

import java.util.Locale;

/** The Content-Type an asset is uploaded with, from its name (GitHub serves it back with that type). */
final class AssetContentType {
    private AssetContentType() {
    }

    static String of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl") || lower.endsWith(".zip")) {
            return "application/zip";
        }
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            return "application/gzip";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".md") || name.equals(ChecksumsFile.NAME)) {
            return "text/plain";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
