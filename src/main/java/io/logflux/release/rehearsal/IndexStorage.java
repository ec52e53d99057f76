package io.logflux.release.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the index holds: its files (under {@code packages/}), the tokens it accepts and their project scopes, the
 * yanked releases, and the serial that counts its changes (the JSON API's last_serial).
 */
public final class IndexStorage {
    private final Path packages;
    private final Path incoming;
    private final Map<String, Set<String>> tokens = new HashMap<>();
    private final List<StoredFile> files = new ArrayList<>();
    private final Map<String, String> yanked = new HashMap<>();
    private long serial;

    IndexStorage(Path dir) throws IOException {
        this.packages = Files.createDirectories(dir.resolve("packages"));
        this.incoming = Files.createDirectories(dir.resolve("incoming"));
    }

    /** Where bodies being received are written before they are stored (same file system: stored by a move). */
    public Path incoming() {
        return incoming;
    }

    /** PEP 503 normalization: runs of '-', '_' and '.' become one '-', lower case. */
    public static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    public synchronized void acceptToken(String token, Set<String> projects) {
        Set<String> scope = new LinkedHashSet<>();
        projects.forEach(p -> scope.add(normalize(p)));
        tokens.put(token, scope);
    }

    /** The projects a known token may upload to (empty: every project); empty for a token the index does not know. */
    public synchronized Optional<Set<String>> scopeOf(String token) {
        return Optional.ofNullable(tokens.get(token)).map(Set::copyOf);
    }

    public synchronized List<StoredFile> files() {
        return List.copyOf(files);
    }

    synchronized List<StoredFile> files(Predicate<StoredFile> which) {
        return files.stream().filter(which).toList();
    }

    synchronized Optional<StoredFile> file(String filename) {
        return files.stream().filter(f -> f.filename().equals(filename)).findFirst();
    }

    synchronized Set<String> projects() {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(f -> names.add(f.project()));
        return names;
    }

    /** Keeps a file, moved (not copied) from {@code received}, which must be on the index's own file system. */
    public synchronized StoredFile store(String project, String version, String filename, String packagetype,
                                         String requiresPython, Path received, ContentDigests digests)
            throws IOException {
        Path target = packages.resolve(filename);
        Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
        StoredFile stored = new StoredFile(normalize(project), version, filename, packagetype, digests.sha256(),
                digests.blake2b256(), digests.md5(), digests.size(), requiresPython, target, Instant.now());
        files.add(stored);
        serial++;
        return stored;
    }

    /** Yanks a release, as its owner does on the web page; {@code reason} may be empty. */
    public synchronized void yank(String project, String version, String reason) {
        yanked.put(normalize(project) + "==" + version, reason == null ? "" : reason);
        serial++;
    }

    public synchronized void unyank(String project, String version) {
        yanked.remove(normalize(project) + "==" + version);
        serial++;
    }

    /** The reason a release was yanked for ("" when none was given); empty when it is not yanked. */
    public synchronized Optional<String> yankReason(String project, String version) {
        return Optional.ofNullable(yanked.get(normalize(project) + "==" + version));
    }

    synchronized long serial() {
        return serial;
    }
}
