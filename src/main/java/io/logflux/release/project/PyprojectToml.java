package io.logflux.release.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.logflux.release.ReleaseException;
import io.logflux.release.files.DisplayPath;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What pyproject.toml says about the package name and version: a static {@code [project].version}, or a dynamic one
 * and where the build backend reads it from (setuptools {@code attr}/{@code file}, hatch or pdm {@code path}), or
 * Poetry's {@code [tool.poetry].version}.
 */
public record PyprojectToml(
        Path file,
        Optional<String> name,
        Optional<VersionSource> staticVersion,
        boolean dynamicVersion,
        Optional<String> versionAttr,
        Optional<String> versionPath,
        Optional<String> packageRoot) {

    private static final TomlMapper TOML = new TomlMapper();

    public static PyprojectToml read(Path file, Path displayRoot) {
        String shown = DisplayPath.of(file, displayRoot);
        JsonNode root;
        try {
            root = TOML.readTree(TextFiles.read(file));
        } catch (JsonProcessingException e) {
            throw new ReleaseException(shown + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")
                    + ". Fix the file; 'python -m build' would fail on it too.", e);
        }
        JsonNode project = root.path("project");
        JsonNode tool = root.path("tool");
        JsonNode poetry = tool.path("poetry");

        Optional<String> name = text(project.path("name")).or(() -> text(poetry.path("name")));
        Optional<VersionSource> staticVersion = text(project.path("version"))
                .map(v -> new VersionSource(SourceKind.PYPROJECT, file, "[project].version", v))
                .or(() -> text(poetry.path("version"))
                        .map(v -> new VersionSource(SourceKind.PYPROJECT, file, "[tool.poetry].version", v)));
        boolean dynamic = false;
        for (JsonNode entry : project.path("dynamic")) {
            dynamic |= "version".equals(entry.asText());
        }
        JsonNode setuptoolsVersion = tool.path("setuptools").path("dynamic").path("version");
        Optional<String> attr = text(setuptoolsVersion.path("attr"));
        Optional<String> path = firstFile(setuptoolsVersion.path("file"))
                .or(() -> text(tool.path("hatch").path("version").path("path")))
                .or(() -> text(tool.path("pdm").path("version").path("path")));
        Optional<String> packageRoot = text(tool.path("setuptools").path("package-dir").path(""));
        return new PyprojectToml(file, name, staticVersion, dynamic, attr, path, packageRoot);
    }

    private static Optional<String> firstFile(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? Optional.empty() : text(node.get(0));
        }
        return text(node);
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText().strip())
                : Optional.empty();
    }
}
