package io.logflux.release.check;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.InvalidDistributionException;
import io.logflux.release.dist.SdistFilename;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.files.FileName;
import io.logflux.release.units.ByteSizes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code check}: refuses, before a byte is uploaded, every wheel or sdist that PyPI would reject or that is damaged
 * or unsafe — stricter than twine check, faithful to PyPI's own rules. Memory and time are bounded whatever the
 * input.
 */
public final class DistributionChecker {
    private final CheckOptions options;
    private final RstRenderer renderer;

    public DistributionChecker(CheckOptions options) {
        this.options = options;
        this.renderer = new RstRenderer(options.pythons());
    }

    /**
     * Checks {@code files}. The reStructuredText renderer's one Python process lives for this call only; it renders
     * while the next files are read, so the files' reports are made once it has answered for all of them.
     */
    public CheckReport check(List<Path> files) {
        List<List<Finding>> findingsByFile = new ArrayList<>();
        List<CheckedFile> checked = new ArrayList<>();
        try {
            for (Path file : files) {
                List<Finding> findings = new ArrayList<>();
                Optional<CheckedFile> result = checkFile(file, findings);
                result.ifPresent(checked::add);
                findingsByFile.add(findings);
            }
            renderer.finish();
        } finally {
            renderer.close();
        }
        List<FileReport> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            reports.add(new FileReport(files.get(i), findingsByFile.get(i)));
        }
        return new CheckReport(reports, BatchRules.check(checked));
    }

    private Optional<CheckedFile> checkFile(Path file, List<Finding> findings) {
        String fileName = FileName.of(file);
        DistFilename name;
        try {
            name = DistFilename.parse(fileName);
        } catch (InvalidDistributionException e) {
            findings.add(Finding.error("filename.form", e.getMessage()));
            return Optional.empty();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            findings.add(Finding.stricter("file.unreadable", "Cannot read " + file + ": " + e.getMessage()
                    + ". Check the path (build first with python -m build)."));
            return Optional.empty();
        }
        if (size > options.maxFileBytes()) {
            findings.add(Finding.error("file.too-large", "'" + fileName + "' is " + ByteSizes.human(size)
                    + "; the index accepts at most " + ByteSizes.human(options.maxFileBytes())
                    + " per file (PyPI's default is 100 MiB). "
                    + "Make the file smaller, or request a larger limit for the project "
                    + "(https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase)"
                    + " and pass the granted limit with --max-file-size."));
        }
        FilenameRules.check(name, findings);
        if (name instanceof SdistFilename sdist && sdist.extension().equals(".zip")) {
            return Optional.empty();
        }
        ScannedArchive archive = name instanceof WheelFilename wheel
                ? new WheelScanner(options.limits()).scan(file, wheel)
                : new SdistScanner(options.limits()).scan(file, (SdistFilename) name);
        findings.addAll(archive.findings());
        if (archive.metadata().isEmpty()) {
            return Optional.empty();
        }
        CoreMetadata metadata;
        try {
            metadata = CoreMetadata.parse(archive.metadata().get());
        } catch (InvalidDistributionException e) {
            findings.add(Finding.error("metadata.format", "'" + fileName + "': " + archive.metadataPath() + ": "
                    + e.getMessage()));
            return Optional.empty();
        }
        findings.addAll(MetadataRules.check(fileName, metadata, name, archive));
        DescriptionRules.checkRendering(fileName, metadata, renderer, findings);
        return Optional.of(new CheckedFile(file, name, metadata));
    }

    /** A file whose metadata could be read, for the checks across files. */
    record CheckedFile(Path file, DistFilename name, CoreMetadata metadata) {
    }
}
