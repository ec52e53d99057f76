package io.logflux.release.project;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads small project files (pyproject.toml, setup.cfg, __init__.py) as strict UTF-8 with a size cap. */
final class TextFiles {
    static final int MAX_BYTES = 1 << 20;

    private TextFiles() {
    }

    static String read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ReleaseException("Cannot read " + file + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ReleaseException(file + " is larger than " + (MAX_BYTES >> 20)
                    + " MiB; that is not a project file logflux-release can read. Point to the right file.");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ReleaseException(file + " is not valid UTF-8. Save it as UTF-8.", e);
        }
    }
}
