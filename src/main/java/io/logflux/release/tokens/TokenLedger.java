package io.logflux.release.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Remembers when each token was first seen, for tokens whose creation date nobody wrote down (PyPI keeps it to itself:
 * a user token carries no date). Keyed by a salted SHA-256 fingerprint; the token itself is never stored. The salt is
 * random per ledger file, so a fingerprint cannot be matched against a guess without the file.
 */
public final class TokenLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final ObjectNode root;

    private TokenLedger(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    public static TokenLedger open(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode node = JSON.readTree(file.toFile());
                if (node.isObject() && node.path("salt").isTextual() && node.path("tokens").isObject()) {
                    return new TokenLedger(file, (ObjectNode) node);
                }
                throw new ReleaseException("The token ledger " + file + " is not a ledger this tool wrote. Move it away "
                        + "(ages start again from today) or fix the path.");
            }
        } catch (IOException e) {
            throw new ReleaseException("Cannot read the token ledger " + file + ": " + e.getMessage(), e);
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "First sightings of API tokens by logflux-release check-tokens; fingerprints only, "
                + "salted SHA-256, never the tokens.");
        root.put("salt", HexFormat.of().formatHex(salt));
        root.putObject("tokens");
        return new TokenLedger(file, root);
    }

    /** When this token was first seen; today (recorded) if never. */
    public LocalDate firstSeen(String secret, String source, LocalDate today) {
        String key = fingerprint(secret);
        ObjectNode tokens = (ObjectNode) root.get("tokens");
        JsonNode entry = tokens.get(key);
        if (entry != null && entry.path("firstSeen").isTextual()) {
            return LocalDate.parse(entry.get("firstSeen").asText());
        }
        tokens.putObject(key).put("firstSeen", today.toString()).put("source", source);
        return today;
    }

    public void save() {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (directory == null) {
                throw new ReleaseException("The token ledger " + file + " is a root directory: give the path of a "
                        + "file.");
            }
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".ledger", ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReleaseException("Cannot write the token ledger " + file + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
    }

    private String fingerprint(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(root.get("salt").asText().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ':');
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
