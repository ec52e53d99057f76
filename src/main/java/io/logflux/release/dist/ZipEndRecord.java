package io.logflux.release.dist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file has a zip end-of-central-directory record where Python's {@code zipfile.is_zipfile} looks for one:
 * as the last 22 bytes with no comment, or anywhere in the last 64 KiB + 22 bytes (room for the longest comment).
 * PyPI refuses a file that is both a zip and a tar ({@code warehouse/forklift/legacy.py}, {@code _is_valid_dist_file}:
 * "File is both a zip and a tar file"), with this test on the zip side. Reads at most 65,557 bytes.
 */
public final class ZipEndRecord {
    private static final int RECORD = 22;
    private static final int MAX_COMMENT = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'K', 5, 6};

    private ZipEndRecord() {
    }

    public static boolean isPresent(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size < RECORD) {
                return false;
            }
            long start = Math.max(0, size - MAX_COMMENT - RECORD);
            ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
            channel.position(start);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // reads the whole tail
            }
            byte[] bytes = tail.array();
            int last = bytes.length - RECORD;
            if (signatureAt(bytes, last) && bytes[bytes.length - 2] == 0 && bytes[bytes.length - 1] == 0) {
                return true;
            }
            for (int at = bytes.length - SIGNATURE.length; at >= 0; at--) {
                if (signatureAt(bytes, at)) {
                    return at + RECORD <= bytes.length;
                }
            }
            return false;
        }
    }

    private static boolean signatureAt(byte[] bytes, int at) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[at + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
