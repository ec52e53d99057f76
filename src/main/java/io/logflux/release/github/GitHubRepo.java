package io.logflux.release.github;

import io.logflux.release.ReleaseException;

import java.util.regex.Pattern;

/** A repository on GitHub, {@code owner/name}. */
public record GitHubRepo(String owner, String name) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._-]+");

    public static GitHubRepo parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("https://github.com/")) {
            value = value.substring("https://github.com/".length());
        }
        if (value.endsWith(".git")) {
            value = value.substring(0, value.length() - 4);
        }
        String[] parts = value.split("/", -1);
        if (parts.length != 2 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches()) {
            throw new ReleaseException("'" + text + "' is not a GitHub repository: write it as owner/name, for example "
                    + "logflux/logflux-python.");
        }
        return new GitHubRepo(parts[0], parts[1]);
    }

    /** The API path prefix, {@code repos/owner/name/}. */
    String apiPath() {
        return "repos/" + owner + "/" + name + "/";
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
