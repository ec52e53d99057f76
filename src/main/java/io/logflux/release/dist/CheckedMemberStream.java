package io.logflux.release.dist;

import io.logflux.release.files.ThroughReadStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * A member's data that stops at its declared size, as Python's zipfile does (what inflates past it is not read),
 * and must then have its CRC-32 and not have ended sooner.
 */
final class CheckedMemberStream extends ThroughReadStream {
    private final ZipMember member;
    private final CRC32 crc = new CRC32();
    private long read;

    CheckedMemberStream(InputStream in, ZipMember member) {
        super(in);
        this.member = member;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (read == member.size()) {
            if (crc.getValue() != member.crc()) {
                throw new IOException("bad CRC-32 for member '" + member.name() + "'");
            }
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, member.size() - read));
        if (n < 0) {
            throw new IOException("member '" + member.name() + "' ends before its declared " + member.size()
                    + " bytes");
        }
        crc.update(buffer, offset, n);
        read += n;
        return n;
    }

}
