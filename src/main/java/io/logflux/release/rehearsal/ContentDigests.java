package io.logflux.release.rehearsal;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests warehouse keeps of a file and lists in its JSON API: sha256, BLAKE2b-256 (Bouncy Castle's; the JDK has
 * no BLAKE2) and MD5, with the file's size.
 */
public record ContentDigests(String sha256, String blake2b256, String md5, long size) {
    public static ContentDigests of(Path file) throws IOException {
        Accumulator digests = new Accumulator();
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                digests.update(chunk, 0, n);
            }
        }
        return digests.finish();
    }

    /** The digests of bytes fed in as they pass by (a body being received), without reading them again. */
    static final class Accumulator {
        private final MessageDigest sha256 = jdkDigest("SHA-256");
        private final MessageDigest md5 = jdkDigest("MD5");
        private final Blake2bDigest blake2b = new Blake2bDigest(256);
        private long size;

        void update(byte[] bytes, int offset, int length) {
            sha256.update(bytes, offset, length);
            md5.update(bytes, offset, length);
            blake2b.update(bytes, offset, length);
            size += length;
        }

        ContentDigests finish() {
            byte[] blake2 = new byte[blake2b.getDigestSize()];
            blake2b.doFinal(blake2, 0);
            HexFormat hex = HexFormat.of();
            return new ContentDigests(hex.formatHex(sha256.digest()), hex.formatHex(blake2), hex.formatHex(md5.digest()),
                    size);
        }
    }

    private static MessageDigest jdkDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
