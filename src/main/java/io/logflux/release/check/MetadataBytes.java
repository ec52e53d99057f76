package io.logflux.release.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes METADATA / PKG-INFO, which must be UTF-8; anything else is a finding (and decoded leniently to go on). */
final class MetadataBytes {
    private MetadataBytes() {
    }

    static String decode(byte[] bytes, String fileName, String path, List<Finding> findings) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            findings.add(Finding.error("metadata.encoding", "'" + fileName + "': " + path + " is not valid UTF-8. "
                    + "Rebuild the file with python -m build."));
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
