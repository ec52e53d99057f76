package io.logflux.release.publish;

import io.logflux.release.process.NetrcFile;
import io.logflux.release.secret.UserInfo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two pip runs of the install check, safe against dependency confusion (anyone can upload any name to TestPyPI):
 * <ol>
 * <li>{@code pip download --no-deps --require-hashes}: only the released files themselves, pinned by the sha256 that
 * was uploaded, from the index under test. When the index has a production index for dependencies (TestPyPI →
 * PyPI), the index under test is read only through our project's own page ({@code --find-links}), and anything
 * else pip needs for it (an sdist's build backend) comes from the production index.</li>
 * <li>{@code pip install} of the downloaded file from disk, its dependencies from the production index only (the index
 * under test itself when it has none).</li>
 * </ol>
 * A release whose files declare no dependency at all is installed in one step instead: the first one's lookup, pinned
 * by the same hashes, with {@code pip install --no-deps} ({@link #installPinned}).
 * No URL on these command lines has user info: credentials go to pip through a netrc file ({@link NetrcFile}). Which
 * pip runs them is the {@link PipWay}'s choice; the import check always runs with the venv's own interpreter.
 */
final class PipSteps {
    private final PackageIndex index;
    private final List<String> downloadingPip;
    private final List<String> installingPip;
    private final Path venvPython;

    PipSteps(PackageIndex index, PipWay way, String python, Path venvPython) {
        this.index = index;
        this.downloadingPip = way.downloadingPip(python, venvPython);
        this.installingPip = way.installingPip(python, venvPython);
        this.venvPython = venvPython;
    }

    /** The index under test, as messages and command lines show it. */
    static String shown(URI url) {
        return UserInfo.strip(url).toString();
    }

    /** Where dependencies come from: the production index, else the index under test. */
    URI dependencies() {
        return index.dependencyIndex().orElse(index.simpleUrl());
    }

    /** The URLs whose credentials pip may need. */
    List<URI> urls() {
        List<URI> urls = new ArrayList<>(List.of(index.simpleUrl()));
        index.dependencyIndex().ifPresent(urls::add);
        return urls;
    }

    List<String> download(ReleaseFile first, Path requirements, Path into) {
        List<String> command = pip(downloadingPip, "download");
        command.addAll(List.of("--no-deps", "--require-hashes", "--dest", into.toString()));
        return fromTheIndexUnderTest(command, first, requirements);
    }

    /**
     * For a release without dependencies: the released files, found as {@link #download} finds them and pinned the
     * same way, installed at once; with nothing else to install there is nothing another index could slip in.
     */
    List<String> installPinned(ReleaseFile first, Path requirements) {
        List<String> command = pip(installingPip, "install");
        command.addAll(List.of("--no-deps", "--require-hashes"));
        return fromTheIndexUnderTest(command, first, requirements);
    }

    private List<String> fromTheIndexUnderTest(List<String> command, ReleaseFile first, Path requirements) {
        if (index.dependencyIndex().isPresent()) {
            command.addAll(List.of("--index-url", shown(dependencies()),
                    "--find-links", shown(index.simplePage(first.normalizedName()))));
        } else {
            command.addAll(List.of("--index-url", shown(index.simpleUrl())));
        }
        command.addAll(List.of("-r", requirements.toString()));
        return command;
    }

    /** {@code name==version --hash=sha256:…} for every released file: pip takes only these bytes. */
    static String pinnedRequirement(List<ReleaseFile> files) {
        StringBuilder line = new StringBuilder(files.get(0).name() + "==" + files.get(0).version());
        files.forEach(f -> line.append(" --hash=sha256:").append(f.digests().sha256()));
        return line + "\n";
    }

    /** @param requirements the downloaded file with its hash, when dependencies must be pinned too; else empty */
    List<String> install(Path downloaded, Optional<Path> requirements) {
        List<String> command = pip(installingPip, "install");
        command.addAll(List.of("--index-url", shown(dependencies())));
        if (requirements.isPresent()) {
            command.addAll(List.of("--require-hashes", "-r", requirements.get().toString()));
        } else {
            command.add(downloaded.toString());
        }
        return command;
    }

    List<String> importCheck(String code) {
        return List.of(venvPython.toString(), "-c", code);
    }

    /**
     * pip's settings, all of them ours: no configuration file of the agent (it could add an extra index), no
     * prompt, no version check, and the netrc when the URLs carry credentials.
     */
    static Map<String, String> settings(Optional<NetrcFile> netrc) {
        Map<String, String> settings = new HashMap<>();
        settings.put("PIP_CONFIG_FILE", nullDevice());
        settings.put("PIP_NO_INPUT", "1");
        settings.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        settings.put("PYTHONNOUSERSITE", "1");
        netrc.ifPresent(n -> settings.put(NetrcFile.VARIABLE, n.path().toString()));
        return settings;
    }

    private static List<String> pip(List<String> pip, String subcommand) {
        List<String> command = new ArrayList<>(pip);
        command.addAll(List.of(subcommand, "--no-cache-dir", "--disable-pip-version-check", "--no-input"));
        return command;
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "NUL"
                : "/dev/null";
    }
}
