package io.logflux.release.process;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The user names and passwords of index URLs, for pip: a netrc file readable only by the user (0600), named to the
 * child by the {@code NETRC} variable (pip's requests reads it for a host whose URL has no user info), and deleted on
 * {@link #close()}. Never the command line: arguments show in process lists.
 */
public final class NetrcFile implements AutoCloseable {
    public static final String VARIABLE = "NETRC";
    private final Path file;

    private NetrcFile(Path file) {
        this.file = file;
    }

    /** A netrc in {@code dir} for those of {@code urls} with user info, or empty when none has any. */
    public static Optional<NetrcFile> forUrls(Path dir, List<URI> urls) {
        StringBuilder entries = new StringBuilder();
        for (URI url : urls) {
            String userInfo = url.getRawUserInfo();
            if (userInfo == null) {
                continue;
            }
            int colon = userInfo.indexOf(':');
            String login = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            if ((login + password).chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
                throw new ReleaseException("The user name or password in the URL of " + url.getHost() + " contains "
                        + "white space or quotes, which pip cannot read from a netrc file. Use a token without them.");
            }
            entries.append("machine ").append(url.getHost()).append(" login ").append(login)
                    .append(" password ").append(password).append('\n');
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NetrcFile(writePrivately(dir.resolve("netrc"), entries.toString())));
    }

    public Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ", which holds index credentials", e);
        }
    }

    private static Path writePrivately(Path file, String text) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials file for pip", e);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
