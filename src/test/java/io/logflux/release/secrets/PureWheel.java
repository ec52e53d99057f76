package io.logflux.release.secrets;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal pure-Python wheel: one module with VERSION and __version__, optionally one dependency. */
final class PureWheel {
    private PureWheel() {
    }

    static Path write(Path dir, String name, String version, String requires) {
        String distInfo = name + "-" + version + ".dist-info/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + "/__init__.py", "VERSION = '" + version + "'\n__version__ = VERSION\n");
        files.put(distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
                + "Summary: test package\n" + (requires == null ? "" : "Requires-Dist: " + requires + "\n"));
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: logflux-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        files.forEach((path, text) -> record.append(path).append(",sha256=").append(hash(text)).append(',')
                .append(text.getBytes(StandardCharsets.UTF_8).length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString());
        try {
            Files.createDirectories(dir);
            Path wheel = dir.resolve(name + "-" + version + "-py3-none-any.whl");
            // Written to a file, so the sizes go in the local headers: PyPI refuses data descriptors in wheels.
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(wheel)) {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    zip.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeArchiveEntry();
                }
            }
            return wheel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
