package io.logflux.release.publish;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * BLAKE2b (RFC 7693), unkeyed, with a chosen digest length: PyPI's {@code blake2_256_digest} is BLAKE2b with a
 * 32-byte digest (not BLAKE2b-512 truncated). The JDK has no BLAKE2, and one small class is cheaper than a
 * cryptography provider in the jar. Incremental: feed it a file in chunks.
 */
final class Blake2b {
    private static final int BLOCK = 128;
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long[] IV = {
            0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
            0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L};
    private static final byte[][] SIGMA = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
            {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
            {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
            {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
            {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
            {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
            {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
            {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
            {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
            {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};

    private final long[] h = new long[8];
    private final long[] m = new long[16];
    private final byte[] buffer = new byte[BLOCK];
    private final int digestLength;
    private int buffered;
    private long countLow;
    private long countHigh;

    Blake2b(int digestLength) {
        if (digestLength < 1 || digestLength > 64) {
            throw new IllegalArgumentException("digest length must be 1..64 bytes");
        }
        this.digestLength = digestLength;
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ digestLength;
    }

    void update(byte[] data, int offset, int length) {
        int position = offset;
        int remaining = length;
        // The last block must be compressed with the final flag, so a full block waits until more data arrives.
        if (buffered > 0) {
            int take = Math.min(BLOCK - buffered, remaining);
            System.arraycopy(data, position, buffer, buffered, take);
            buffered += take;
            position += take;
            remaining -= take;
            if (buffered < BLOCK || remaining == 0) {
                return;
            }
            increment(BLOCK);
            compress(buffer, 0, false);
            buffered = 0;
        }
        while (remaining > BLOCK) { // whole blocks straight from the caller's array, no copy
            increment(BLOCK);
            compress(data, position, false);
            position += BLOCK;
            remaining -= BLOCK;
        }
        System.arraycopy(data, position, buffer, 0, remaining);
        buffered = remaining;
    }

    byte[] digest() {
        increment(buffered);
        Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
        compress(buffer, 0, true);
        byte[] out = new byte[digestLength];
        for (int i = 0; i < digestLength; i++) {
            out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    private void increment(int bytes) {
        countLow += bytes;
        if (Long.compareUnsigned(countLow, bytes) < 0) {
            countHigh++;
        }
    }

    /** One compression; the state lives in locals, which the JIT keeps in registers (twice as fast as arrays). */
    private void compress(byte[] block, int offset, boolean last) {
        for (int i = 0; i < 16; i++) {
            m[i] = littleEndianLong(block, offset + 8 * i);
        }
        long v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        long v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        long v12 = IV[4] ^ countLow, v13 = IV[5] ^ countHigh, v14 = last ? ~IV[6] : IV[6], v15 = IV[7];
        for (int round = 0; round < 12; round++) {
            byte[] s = SIGMA[round % 10];
            v0 += v4 + m[s[0]];
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 += v4 + m[s[1]];
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 += v12;
            v4 = Long.rotateRight(v4 ^ v8, 63);
            v1 += v5 + m[s[2]];
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 += v5 + m[s[3]];
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 += v13;
            v5 = Long.rotateRight(v5 ^ v9, 63);
            v2 += v6 + m[s[4]];
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 += v6 + m[s[5]];
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 += v14;
            v6 = Long.rotateRight(v6 ^ v10, 63);
            v3 += v7 + m[s[6]];
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 += v7 + m[s[7]];
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 += v15;
            v7 = Long.rotateRight(v7 ^ v11, 63);
            v0 += v5 + m[s[8]];
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 += v5 + m[s[9]];
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 += v15;
            v5 = Long.rotateRight(v5 ^ v10, 63);
            v1 += v6 + m[s[10]];
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 += v6 + m[s[11]];
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 += v12;
            v6 = Long.rotateRight(v6 ^ v11, 63);
            v2 += v7 + m[s[12]];
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 += v7 + m[s[13]];
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 += v13;
            v7 = Long.rotateRight(v7 ^ v8, 63);
            v3 += v4 + m[s[14]];
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 += v4 + m[s[15]];
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 += v14;
            v4 = Long.rotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }

    private static long littleEndianLong(byte[] b, int i) {
        return (long) LITTLE_ENDIAN_LONG.get(b, i);
    }
}
