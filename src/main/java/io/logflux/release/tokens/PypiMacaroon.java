package io.logflux.release.tokens;

import io.logflux.release.ReleaseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A PyPI API token read offline: {@code "pypi-"} + a version-2 macaroon in pymacaroons' binary format, base64url
 * without padding (shared/reference/pypi-protocol.md §6). Byte 0 is 2; then packets of {@code varint type, varint
 * length, bytes}: a header section (1 location, 2 identifier) ended by 0, one section per caveat (2 caveat id, and for
 * third-party caveats 4 verification id and 1 location) each ended by 0, a final 0, then 6 the signature. The
 * signature cannot be checked offline: only PyPI holds the key.
 *
 * @param location   the domain that minted it: {@code pypi.org} or {@code test.pypi.org}
 * @param identifier the token's database id at PyPI
 * @param caveats    the first-party caveat ids, JSON texts
 */
public record PypiMacaroon(String location, String identifier, List<String> caveats) {
    private static final int END = 0;
    private static final int LOCATION = 1;
    private static final int IDENTIFIER = 2;
    private static final int VID = 4;
    private static final int SIGNATURE = 6;

    public PypiMacaroon {
        caveats = List.copyOf(caveats);
    }

    /** Decodes a token; the message of a failure never contains the token. */
    public static PypiMacaroon decode(String token, String source) {
        String value = token == null ? "" : token.strip();
        if (!value.startsWith("pypi-")) {
            throw new ReleaseException("The token from " + source + " is not a PyPI API token: it does not start with "
                    + "'pypi-'. Create one at https://pypi.org/manage/account/token/ and store it there.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value.substring(5).replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw malformed(source, "its body is not base64url");
        }
        Reader in = new Reader(bytes, source);
        if (in.readByte() != 2) {
            throw malformed(source, "it is not a version-2 macaroon");
        }
        String location = null;
        String identifier = null;
        for (int type; (type = in.varint()) != END; ) {
            byte[] data = in.field();
            if (type == LOCATION) {
                location = text(data);
            } else if (type == IDENTIFIER) {
                identifier = text(data);
            }
        }
        List<String> caveats = new ArrayList<>();
        for (int type; (type = in.varint()) != END; ) {
            String caveat = null;
            boolean thirdParty = false;
            for (; type != END; type = in.varint()) {
                byte[] data = in.field();
                if (type == IDENTIFIER) {
                    caveat = text(data);
                } else if (type == VID) {
                    thirdParty = true;
                }
            }
            if (caveat != null && !thirdParty) {
                caveats.add(caveat);
            }
        }
        if (in.varint() != SIGNATURE || in.field().length != 32) {
            throw malformed(source, "it has no 32-byte signature");
        }
        if (location == null || identifier == null) {
            throw malformed(source, "it has no location or identifier");
        }
        return new PypiMacaroon(location, identifier, caveats);
    }

    private static ReleaseException malformed(String source, String why) {
        return new ReleaseException("The token from " + source + " starts with 'pypi-' but is damaged (" + why + "). "
                + "Copy it again from PyPI (it is shown once; otherwise create a new one).");
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static final class Reader {
        private final ByteArrayInputStream in;
        private final String source;

        Reader(byte[] bytes, String source) {
            this.in = new ByteArrayInputStream(bytes);
            this.source = source;
        }

        int readByte() {
            int b = in.read();
            if (b < 0) {
                throw malformed(source, "it ends too early");
            }
            return b;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int b = readByte();
                value |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw malformed(source, "a length is too long");
        }

        byte[] field() {
            int length = varint();
            if (length < 0 || length > in.available()) {
                throw malformed(source, "a field runs past its end");
            }
            byte[] data = new byte[length];
            if (in.read(data, 0, length) != length) {
                throw malformed(source, "a field runs past its end");
            }
            return data;
        }
    }
}
