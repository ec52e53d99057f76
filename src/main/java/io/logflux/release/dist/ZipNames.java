package io.logflux.release.dist;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The name rules of warehouse/utils/zipfiles.py: {@code UNPRINTABLE_CHARS} and the UTF-8 decoding of names. */
final class ZipNames {
    /** Longer names are refused before they are decoded; no build backend writes a 4 KiB path. */
    static final int MAX_NAME_BYTES = 4096;

    private ZipNames() {
    }

    /** warehouse's {@code _contains_unprintable_chars}: bytes 0x00-0x1F and 0x7F. */
    static void checkPrintable(byte[] bytes, int from, int to, String where) throws ZipRefusal {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                throw new ZipRefusal("zip.filename", "Invalid character in filename", String.format(
                        "byte 0x%02X in a name in the %s", b, where));
            }
        }
    }

    static void checkLength(int length, String where) throws ZipRefusal {
        if (length > MAX_NAME_BYTES) {
            throw ZipRefusal.limit("a name in its " + where + " is " + length + " bytes, more than the limit of "
                    + MAX_NAME_BYTES);
        }
    }

    /** Strict UTF-8, or null when the bytes are not UTF-8. */
    static String utf8OrNull(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A name for a message: UTF-8 where it decodes, with other bytes replaced. */
    static String shown(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
