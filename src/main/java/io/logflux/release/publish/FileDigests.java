package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an upload says about its bytes: their sha256 (warehouse needs one digest of md5, sha256 and BLAKE2b-256 and
 * computes the others itself, pypi-protocol.md §1.2; sha256 is the one every Java runtime has, and the one twine sends
 * under FIPS) and their size.
 */
public record FileDigests(String sha256, long size) {
    private static final int CHUNK = 64 * 1024;

    public static FileDigests of(Path file) {
        MessageDigest sha256 = newSha256();
        long size = 0;
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                sha256.update(chunk, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new ReleaseException("Cannot read " + file + " to compute its digests: " + e.getMessage()
                    + ". Check that the file exists and is readable, then run again.", e);
        }
        return new FileDigests(HexFormat.of().formatHex(sha256.digest()), size);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
