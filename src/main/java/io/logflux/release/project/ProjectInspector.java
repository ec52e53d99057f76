package io.logflux.release.project;

import io.logflux.release.ReleaseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the versions a Python project states: {@code __version__} in its version file (given, named by the build
 * configuration, or found from the project name), {@code [project].version} in pyproject.toml and
 * {@code [metadata] version} in setup.cfg. Nothing is executed.
 */
public final class ProjectInspector {

    public ProjectVersions inspect(Path projectDir, Optional<Path> explicitVersionFile) {
        if (!Files.isDirectory(projectDir)) {
            throw new ReleaseException("Project directory " + projectDir + " does not exist. Run from the "
                    + "project checkout, or pass the directory that holds pyproject.toml (--project / projectDir).");
        }
        Path pyprojectFile = projectDir.resolve("pyproject.toml");
        Path setupCfgFile = projectDir.resolve("setup.cfg");
        Optional<PyprojectToml> pyproject = Files.isRegularFile(pyprojectFile)
                ? Optional.of(PyprojectToml.read(pyprojectFile, projectDir)) : Optional.empty();
        Optional<SetupCfg> setupCfg = Files.isRegularFile(setupCfgFile)
                ? Optional.of(SetupCfg.read(setupCfgFile)) : Optional.empty();
        Optional<String> name = pyproject.flatMap(PyprojectToml::name).or(() -> setupCfg.flatMap(SetupCfg::name));

        List<VersionSource> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        versionFileSource(projectDir, explicitVersionFile, pyproject, setupCfg, name, notes).ifPresent(sources::add);
        pyproject.ifPresent(p -> {
            p.staticVersion().ifPresent(sources::add);
            if (p.staticVersion().isEmpty() && p.dynamicVersion()) {
                notes.add("pyproject.toml: version is dynamic (set by the build backend from the version file)");
            }
        });
        setupCfg.flatMap(SetupCfg::literalVersion).ifPresent(sources::add);

        if (sources.isEmpty()) {
            throw new ReleaseException("No package version found in " + projectDir + ": looked for __version__ in "
                    + expectedVersionFiles(name) + ", [project].version in pyproject.toml and [metadata] version in "
                    + "setup.cfg. Add __version__ = \"0.2.0\" to the package's __init__.py, or point versionFile "
                    + "(--version-file) to the file that holds the version.");
        }
        return new ProjectVersions(projectDir, name, sources, notes);
    }

    private Optional<VersionSource> versionFileSource(Path projectDir, Optional<Path> explicit,
                                                      Optional<PyprojectToml> pyproject, Optional<SetupCfg> setupCfg,
                                                      Optional<String> name, List<String> notes) {
        if (explicit.isPresent()) {
            Path file = projectDir.resolve(explicit.get());
            if (!Files.isRegularFile(file)) {
                throw new ReleaseException("Version file " + explicit.get() + " does not exist in " + projectDir
                        + ". Fix versionFile (--version-file); it is relative to the project directory.");
            }
            return Optional.of(PythonVersionFile.read(file, projectDir));
        }
        Optional<String> attr = pyproject.flatMap(PyprojectToml::versionAttr)
                .or(() -> setupCfg.flatMap(SetupCfg::versionAttr));
        if (attr.isPresent()) {
            return Optional.of(readAttr(projectDir, attr.get(), pyproject.flatMap(PyprojectToml::packageRoot)));
        }
        Optional<String> path = pyproject.flatMap(PyprojectToml::versionPath)
                .or(() -> setupCfg.flatMap(SetupCfg::versionFile));
        if (path.isPresent()) {
            Path file = projectDir.resolve(path.get());
            if (!Files.isRegularFile(file)) {
                throw new ReleaseException("The build configuration reads the version from " + path.get()
                        + ", which does not exist in " + projectDir + ". Create it or fix the configuration.");
            }
            return Optional.of(PythonVersionFile.read(file, projectDir));
        }
        for (String candidate : guessedVersionFiles(name)) {
            Path file = projectDir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(PythonVersionFile.read(file, projectDir));
                } catch (ReleaseException notLiteral) {
                    notes.add(candidate + ": no literal __version__ (not compared)");
                }
            }
        }
        return Optional.empty();
    }

    /** Resolves setuptools' {@code attr: package.module.variable} to a file without importing anything. */
    private VersionSource readAttr(Path projectDir, String attr, Optional<String> packageRoot) {
        int lastDot = attr.lastIndexOf('.');
        if (lastDot <= 0 || lastDot == attr.length() - 1) {
            throw new ReleaseException("Version attribute '" + attr + "' is not of the form package.variable. "
                    + "Fix the build configuration, or pass versionFile (--version-file).");
        }
        String variable = attr.substring(lastDot + 1);
        String modulePath = attr.substring(0, lastDot).replace('.', '/');
        Set<String> roots = new LinkedHashSet<>();
        packageRoot.ifPresent(roots::add);
        roots.add("");
        roots.add("src");
        List<String> tried = new ArrayList<>();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            for (String candidate : List.of(prefix + modulePath + "/__init__.py", prefix + modulePath + ".py")) {
                tried.add(candidate);
                Path file = projectDir.resolve(candidate);
                if (Files.isRegularFile(file)) {
                    return PythonVersionFile.read(file, projectDir, variable);
                }
            }
        }
        throw new ReleaseException("The build configuration reads the version from '" + attr + "', but none of "
                + String.join(", ", tried) + " exists in " + projectDir
                + ". Fix the configuration or pass versionFile (--version-file).");
    }

    private static List<String> guessedVersionFiles(Optional<String> name) {
        if (name.isEmpty()) {
            return List.of();
        }
        String module = name.get().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
        return List.of(module + "/__init__.py", "src/" + module + "/__init__.py",
                module + "/_version.py", "src/" + module + "/_version.py", module + ".py");
    }

    private static String expectedVersionFiles(Optional<String> name) {
        List<String> files = guessedVersionFiles(name);
        return files.isEmpty() ? "<package>/__init__.py (no project name in pyproject.toml or setup.cfg)"
                : String.join(", ", files.subList(0, 2));
    }
}
