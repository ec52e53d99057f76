package io.logflux.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps what tests captured (logs, exception messages, CLI output) under target/captured-output, and the fake tokens
 * they used, so that {@code SecretsNeverPrintedIT} can search all of it for any token after the whole suite ran.
 */
public final class Captured {
    public static final Path DIR = Path.of("target", "captured-output");
    public static final Path TOKENS = DIR.resolve("tokens.list");

    private Captured() {
    }

    /** Appends {@code text} to the capture file named after {@code label} (e.g. the test class). */
    public static synchronized void record(String label, String text) {
        append(DIR.resolve(label.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt"), text + "\n");
    }

    static synchronized void token(String token) {
        append(TOKENS, token + "\n");
    }

    private static void append(Path file, String text) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
