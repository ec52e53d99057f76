package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where files go and where they are read back: the legacy upload URL, the JSON API (warehouse only) and the simple
 * index. {@code pypi} and {@code testpypi} are built in; any other index is given by its upload URL, its simple index
 * derived (warehouse-style {@code …/legacy/} → {@code …/simple/}, otherwise {@code <url>/simple/}) or given.
 *
 * @param label             how messages name the index: "pypi", "testpypi" or the upload URL
 * @param dependencyIndex   where an install check finds dependencies the index lacks (PyPI, for TestPyPI)
 * @param tokenVariable     the environment variable the seed names for this index's token, if any
 */
public record PackageIndex(String label, URI uploadUrl, Optional<URI> jsonApiUrl, URI simpleUrl,
                           Optional<URI> dependencyIndex, Optional<String> tokenVariable) {
    public static final PackageIndex PYPI = new PackageIndex("pypi", URI.create("https://upload.pypi.org/legacy/"),
            Optional.of(URI.create("https://pypi.org/pypi/")), URI.create("https://pypi.org/simple/"),
            Optional.empty(), Optional.of("PYPI_API_TOKEN"));
    public static final PackageIndex TESTPYPI = new PackageIndex("testpypi",
            URI.create("https://test.pypi.org/legacy/"), Optional.of(URI.create("https://test.pypi.org/pypi/")),
            URI.create("https://test.pypi.org/simple/"), Optional.of(URI.create("https://pypi.org/simple/")),
            Optional.of("TEST_PYPI_API_TOKEN"));

    /**
     * Whether a step's or command's {@code repository} says "no package index" ({@code none}: only the GitHub part
     * runs).
     */
    public static boolean isNone(String repository) {
        return repository != null && repository.strip().equalsIgnoreCase("none");
    }

    /**
     * @param repository {@code pypi}, {@code testpypi} or an upload URL
     * @param simpleUrl  the simple index, for a URL whose simple index cannot be derived; null to derive it
     * @param jsonApiUrl the JSON API base ({@code …/pypi/}), null to derive it (warehouse-style URLs only)
     */
    public static PackageIndex resolve(String repository, String simpleUrl, String jsonApiUrl) {
        if (repository == null || repository.isBlank()) {
            throw new ReleaseException("No repository given: use 'pypi', 'testpypi' or the upload URL of your index "
                    + "(for example https://upload.pypi.org/legacy/).");
        }
        String trimmed = repository.strip();
        PackageIndex builtIn = switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "pypi" -> PYPI;
            case "testpypi", "test-pypi", "test.pypi" -> TESTPYPI;
            default -> null;
        };
        if (builtIn != null) {
            return builtIn.withOverrides(simpleUrl, jsonApiUrl);
        }
        URI upload = parseUrl(trimmed, "repository");
        if (upload.getUserInfo() != null) {
            throw new ReleaseException("The repository URL contains a user name or password. Remove them from the "
                    + "URL and pass the token through the credentials (Jenkins) or an environment variable (CLI).");
        }
        if (upload.getHost() != null && (upload.getHost().equals("pypi.org") || upload.getHost().equals("test.pypi.org"))
                && upload.getPath() != null && upload.getPath().startsWith("/simple")) {
            throw new ReleaseException("'" + trimmed + "' is a simple index (for installing), not an upload URL. Use "
                    + "repository 'pypi' or 'testpypi'.");
        }
        String path = upload.getPath() == null || upload.getPath().isEmpty() ? "/" : upload.getPath();
        if (!path.endsWith("/")) {
            // Warehouse answers POST /legacy with a redirect that upload clients must not follow.
            path = path + "/";
            upload = upload.resolve(path);
        }
        URI derivedSimple;
        Optional<URI> derivedJson = Optional.empty();
        if (path.endsWith("/legacy/")) {
            derivedSimple = upload.resolve("../simple/");
            derivedJson = Optional.of(upload.resolve("../pypi/"));
        } else {
            derivedSimple = upload.resolve("simple/");
        }
        PackageIndex custom = new PackageIndex(upload.toString(), upload, derivedJson, derivedSimple,
                Optional.empty(), Optional.empty());
        return custom.withOverrides(simpleUrl, jsonApiUrl);
    }

    private PackageIndex withOverrides(String simpleUrl, String jsonApiUrl) {
        URI simple = simpleUrl == null || simpleUrl.isBlank() ? this.simpleUrl : directory(parseUrl(simpleUrl,
                "simple index"));
        Optional<URI> json = jsonApiUrl == null || jsonApiUrl.isBlank() ? this.jsonApiUrl
                : Optional.of(directory(parseUrl(jsonApiUrl, "JSON API")));
        return new PackageIndex(label, uploadUrl, json, simple, dependencyIndex, tokenVariable);
    }

    /** The same index under another name in messages (the rehearsal's local indexes). */
    public PackageIndex withLabel(String name) {
        return new PackageIndex(name, uploadUrl, jsonApiUrl, simpleUrl, dependencyIndex, tokenVariable);
    }

    /** How messages name this index: "pypi (https://upload.pypi.org/legacy/)" or the URL. */
    public String describe() {
        return label.equals(uploadUrl.toString()) ? label : label + " (" + uploadUrl + ")";
    }

    /** The page of one project on the simple index. */
    public URI simplePage(String normalizedName) {
        return simpleUrl.resolve(normalizedName + "/");
    }

    /** The JSON API document of one release, if the index has that API. */
    public Optional<URI> releaseJson(String normalizedName, String version) {
        return jsonApiUrl.map(base -> base.resolve(normalizedName + "/" + version + "/json"));
    }

    /** The index's web site (pypi.org, test.pypi.org; next to the JSON API for others), for manage pages. */
    public Optional<URI> webUrl() {
        return jsonApiUrl.map(base -> base.resolve("../"));
    }

    /** True when the index is pypi.org or test.pypi.org, where reads are public and need no token. */
    public boolean isWarehouseHosted() {
        return this.label.equals("pypi") || this.label.equals("testpypi");
    }

    private static URI directory(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return path.endsWith("/") ? uri : uri.resolve(path + "/");
    }

    private static URI parseUrl(String text, String what) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ReleaseException("The " + what + " '" + text + "' is neither 'pypi', 'testpypi' nor an "
                    + "http(s) URL (" + e.getReason() + "). Give the index's upload URL, e.g. "
                    + "https://pypi.example.com/legacy/.");
        }
    }
}
