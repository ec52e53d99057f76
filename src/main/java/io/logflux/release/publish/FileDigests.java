package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests PyPI compares an upload against (sha256 and BLAKE2b-256), computed in one streaming pass. */
public record FileDigests(String sha256, String blake2b256, long size) {
    private static final int CHUNK = 64 * 1024;

    public static FileDigests of(Path file) {
        Accumulator digests = new Accumulator();
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                digests.update(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new ReleaseException("Cannot read " + file + " to compute its digests: " + e.getMessage()
                    + ". Check that the file exists and is readable, then run again.", e);
        }
        return digests.finish();
    }

    /** The digests of bytes fed in as they pass by (a body being received, say), without reading them again. */
    public static final class Accumulator {
        private final MessageDigest sha256 = newSha256();
        private final Blake2b blake2b = new Blake2b(32);
        private long size;

        public void update(byte[] bytes, int offset, int length) {
            sha256.update(bytes, offset, length);
            blake2b.update(bytes, offset, length);
            size += length;
        }

        public FileDigests finish() {
            HexFormat hex = HexFormat.of();
            return new FileDigests(hex.formatHex(sha256.digest()), hex.formatHex(blake2b.digest()), size);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
