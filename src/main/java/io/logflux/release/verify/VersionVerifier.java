package io.logflux.release.verify;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.files.DisplayPath;
import io.logflux.release.files.FileName;
import io.logflux.release.project.ProjectInspector;
import io.logflux.release.project.ProjectName;
import io.logflux.release.project.ProjectVersions;
import io.logflux.release.project.SourceKind;
import io.logflux.release.project.VersionSource;
import io.logflux.release.version.InvalidVersionException;
import io.logflux.release.version.Pep440Version;
import io.logflux.release.version.ReleaseTag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The release gate of Phase 1: the package version, wherever the project and its built files state it, must equal
 * the release tag (with or without a 'v' prefix, compared as PEP 440 versions).
 */
public final class VersionVerifier {
    private final ProjectInspector inspector;
    private final DistMetadataReader distReader;

    public VersionVerifier() {
        this(new ProjectInspector(), new DistMetadataReader());
    }

    public VersionVerifier(ProjectInspector inspector, DistMetadataReader distReader) {
        this.inspector = inspector;
        this.distReader = distReader;
    }

    public VerifyVersionReport verify(VerifyVersionRequest request) {
        ReleaseTag tag = ReleaseTag.parse(request.tag());
        ProjectVersions project = inspector.inspect(request.projectDir(), request.versionFile());
        List<VersionSource> sources = new ArrayList<>(project.sources());
        List<String> nameProblems = new ArrayList<>();
        for (Path file : request.distFiles()) {
            sources.addAll(builtFileSources(file, request.projectDir(), project.projectName(), nameProblems));
        }
        List<SourceCheck> checks = new ArrayList<>();
        for (VersionSource source : sources) {
            checks.add(check(source, tag.version(), request.projectDir()));
        }
        return new VerifyVersionReport(tag, project.projectName(), checks, project.notes(), nameProblems);
    }

    private List<VersionSource> builtFileSources(Path file, Path projectDir, Optional<String> projectName,
                                                 List<String> nameProblems) {
        String fileName = FileName.of(file);
        DistFilename distName = DistFilename.parse(fileName);
        CoreMetadata metadata = distReader.read(file);
        String metadataFile = distName instanceof WheelFilename ? "METADATA" : "PKG-INFO";
        String expectedName = projectName.or(metadata::name).orElse(distName.distributionName());
        for (String stated : List.of(distName.distributionName(), metadata.name().orElse(expectedName))) {
            if (!ProjectName.normalize(stated).equals(ProjectName.normalize(expectedName))) {
                nameProblems.add(DisplayPath.of(file, projectDir) + " is a build of '" + stated + "', not of '"
                        + expectedName + "'. Remove it from the files to release.");
                break;
            }
        }
        List<VersionSource> found = new ArrayList<>();
        found.add(new VersionSource(SourceKind.DIST_FILENAME, file, "file name", distName.versionText()));
        found.add(new VersionSource(SourceKind.DIST_METADATA, file, metadataFile,
                metadata.version().orElse("")));
        return found;
    }

    private static SourceCheck check(VersionSource source, Pep440Version expected, Path projectDir) {
        String shown = DisplayPath.of(source.file(), projectDir);
        try {
            Pep440Version version = Pep440Version.parse(source.versionText());
            SourceCheck.Status status = version.equals(expected) ? SourceCheck.Status.MATCH : SourceCheck.Status.MISMATCH;
            return new SourceCheck(source, shown, Optional.of(version), Optional.empty(), status);
        } catch (InvalidVersionException e) {
            return new SourceCheck(source, shown, Optional.empty(), Optional.of(e.getMessage()),
                    SourceCheck.Status.INVALID);
        }
    }
}
