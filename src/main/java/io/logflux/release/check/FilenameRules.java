package io.logflux.release.check;

import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.SdistFilename;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.version.Pep440Version;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PyPI's file name rules: sdists are exactly {@code {normalized_name}-{normalized_version}.tar.gz} (PEP 625), wheel
 * names carry the normalized project name, and binary wheels use platform tags PyPI accepts.
 */
final class FilenameRules {
    private static final Pattern LINUX = Pattern.compile("linux_.*");
    private static final Pattern KNOWN_PLATFORM = Pattern.compile(String.join("|",
            "any", "win32", "win_amd64", "win_arm64", "win_ia64",
            "manylinux1_(x86_64|i686)", "manylinux2010_(x86_64|i686)",
            "manylinux2014_(x86_64|i686|aarch64|armv7l|ppc64|ppc64le|s390x)",
            "(manylinux|musllinux)_\\d+_\\d+_(x86_64|i686|aarch64|armv7l|ppc64|ppc64le|s390x|riscv64|loongarch64)",
            "macosx_10_\\d+_\\w+", "macosx_(1[1-9]|2\\d)_0_\\w+",
            "ios_\\d+_\\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)",
            "android_\\d+_(arm64_v8a|armeabi_v7a|x86_64|x86)", "pyemscripten_\\d+_\\d+_wasm32",
            "pyodide_\\d+_\\d+_wasm32"));

    private FilenameRules() {
    }

    static void check(DistFilename name, List<Finding> findings) {
        if (name instanceof SdistFilename sdist) {
            sdist(sdist, findings);
        } else {
            wheel((WheelFilename) name, findings);
        }
    }

    /** The name part of a file name: the project name normalized, runs of '-', '_', '.' as one '_', lower case. */
    static String fileNameForm(String projectName) {
        return projectName.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT);
    }

    private static void sdist(SdistFilename name, List<Finding> findings) {
        if (name.extension().equals(".zip")) {
            findings.add(Finding.error("filename.sdist-format", "'" + name.fileName() + "' is a .zip sdist; PyPI "
                    + "accepts only .tar.gz sdists (PEP 625). Rebuild with python -m build, which writes .tar.gz."));
            return;
        }
        Optional<Pep440Version> version = version(name, findings);
        if (version.isEmpty()) {
            return;
        }
        String expected = fileNameForm(name.distributionName()) + "-" + version.get().normalized() + ".tar.gz";
        if (!expected.equals(name.fileName())) {
            findings.add(Finding.error("filename.sdist-name", "Filename '" + name.fileName() + "' is invalid, "
                    + "should be '" + expected + "' (PyPI's rule, PEP 625). Rebuild with an up-to-date build "
                    + "backend (setuptools >= 69.3 names sdists this way)."));
        }
    }

    private static void wheel(WheelFilename name, List<Finding> findings) {
        String normalized = fileNameForm(name.distributionName());
        if (!normalized.equals(name.distributionName())) {
            findings.add(Finding.error("filename.wheel-name", "Filename '" + name.fileName() + "' should contain "
                    + "the normalized project name '" + normalized + "', not '" + name.distributionName()
                    + "' (PyPI's rule). Rebuild with an up-to-date build backend."));
        }
        version(name, findings);
        for (String platform : name.platformTags()) {
            if (LINUX.matcher(platform).matches()) {
                findings.add(Finding.error("filename.platform-tag", "'" + name.fileName() + "' has the platform "
                        + "tag '" + platform + "', which PyPI refuses. Make it a manylinux wheel "
                        + "(auditwheel repair) or build a pure-Python wheel."));
            } else if (!KNOWN_PLATFORM.matcher(platform).matches()) {
                findings.add(Finding.warning("filename.platform-tag", "'" + name.fileName() + "' has the platform "
                        + "tag '" + platform + "', which is not in logflux-release's list of tags PyPI accepts. "
                        + "Check it before uploading."));
            }
        }
    }

    private static Optional<Pep440Version> version(DistFilename name, List<Finding> findings) {
        Optional<Pep440Version> version = Pep440Version.tryParse(name.versionText());
        if (version.isEmpty()) {
            findings.add(Finding.error("filename.version", "'" + name.fileName() + "' has '" + name.versionText()
                    + "' where its version should be, which is not a PEP 440 version. Rebuild the file."));
        }
        return version;
    }
}
