package io.logflux.release.check;

import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.project.ProjectName;
import io.logflux.release.requirement.Pep508;
import io.logflux.release.version.InvalidVersionException;
import io.logflux.release.version.Pep440Version;
import io.logflux.release.version.VersionSpecifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks PyPI makes on a file's core metadata before it stores the file (shared/reference/pypi-protocol.md §2),
 * plus twine check's warnings. Each finding names the file and the field, and says what to change.
 */
final class MetadataRules {
    private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_SUMMARY = 512;
    private static final Set<String> NEVER_DYNAMIC = Set.of("name", "version", "metadata-version");

    private final String file;
    private final CoreMetadata metadata;
    private final List<Finding> findings = new ArrayList<>();

    private MetadataRules(String file, CoreMetadata metadata) {
        this.file = file;
        this.metadata = metadata;
    }

    static List<Finding> check(String fileName, CoreMetadata metadata, DistFilename name, ScannedArchive archive) {
        MetadataRules rules = new MetadataRules(fileName, metadata);
        String version = rules.metadataVersion();
        rules.fields(version);
        rules.name(name);
        rules.version(name);
        rules.summary();
        rules.license(archive, version);
        rules.requirements();
        rules.dynamic();
        rules.classifiers();
        rules.emails();
        rules.urls();
        DescriptionRules.checkContentType(fileName, metadata, rules.findings);
        return rules.findings;
    }

    private String metadataVersion() {
        Optional<String> version = metadata.metadataVersion();
        if (version.isEmpty()) {
            error("metadata.version", "has no Metadata-Version. Rebuild it with an up-to-date build backend.");
            return "";
        }
        if (!MetadataFields.ACCEPTED_VERSIONS.contains(version.get())) {
            error("metadata.version", "declares Metadata-Version " + version.get() + ", which PyPI does not accept "
                    + "(it accepts " + String.join(", ", MetadataFields.ACCEPTED_VERSIONS) + "). Rebuild it with a "
                    + "build backend that writes one of those.");
        }
        return version.get();
    }

    private void fields(String version) {
        for (String written : metadata.fieldNames()) {
            Optional<MetadataFields.Field> field = MetadataFields.lookup(written);
            if (field.isEmpty()) {
                warning("metadata.unknown-field", "has the unrecognized field '" + written + "'. PyPI ignores it and "
                        + "twine 6.1+ refuses the file; remove it from the build configuration.");
                continue;
            }
            MetadataFields.Field known = field.get();
            if (!known.multiple() && metadata.all(written).size() > 1) {
                error("metadata.repeated-field", "has " + metadata.all(written).size() + " '" + known.name()
                        + "' fields; it may appear once. Fix the build configuration.");
            }
            if (!version.isEmpty() && MetadataFields.ACCEPTED_VERSIONS.contains(version)
                    && MetadataFields.compareVersions(known.introduced(), version) > 0) {
                if (known.name().equals("License-File")) {
                    warning("metadata.field-too-new", "has License-File, a field of metadata version 2.4, in "
                            + "Metadata-Version " + version + ". It is not sent to the index (as twine does); a "
                            + "newer build backend writes Metadata-Version 2.4.");
                } else {
                    error("metadata.field-too-new", "has " + known.name() + ", introduced in metadata version "
                            + known.introduced() + ", not " + version + ". PyPI refuses it: rebuild with a build "
                            + "backend that declares Metadata-Version " + known.introduced() + " or later.");
                }
            }
        }
    }

    private void name(DistFilename fileName) {
        Optional<String> name = metadata.name();
        if (name.isEmpty()) {
            error("metadata.name", "has no Name. Set [project].name in pyproject.toml and rebuild.");
            return;
        }
        if (!NAME.matcher(name.get()).matches()) {
            error("metadata.name", "has the invalid Name '" + name.get() + "': a name starts and ends with a "
                    + "letter or digit and holds only letters, digits, '.', '_' and '-'. Fix [project].name.");
            return;
        }
        if (!ProjectName.normalize(name.get()).equals(ProjectName.normalize(fileName.distributionName()))) {
            error("filename.name-mismatch", "is named for '" + fileName.distributionName() + "' but its metadata "
                    + "says Name: " + name.get() + ". The file was renamed: rebuild it instead.");
        }
    }

    private void version(DistFilename fileName) {
        Optional<String> text = metadata.version();
        if (text.isEmpty()) {
            error("metadata.version-field", "has no Version. Set the version and rebuild.");
            return;
        }
        Pep440Version version;
        try {
            version = Pep440Version.parse(text.get());
        } catch (InvalidVersionException e) {
            error("metadata.version-field", "has Version " + e.getMessage() + ". Use a version such as 0.2.0, "
                    + "1.0.0b1 or 1.0.0rc1.");
            return;
        }
        if (version.hasLocal()) {
            error("metadata.local-version", "has the local version " + version.normalized() + "; PyPI refuses "
                    + "local versions (the '+" + version.local().orElse("") + "' part). Release "
                    + version.publicVersion().normalized() + " instead.");
        }
        Optional<Pep440Version> inName = Pep440Version.tryParse(fileName.versionText());
        if (inName.isPresent() && !inName.get().equals(version)) {
            error("filename.version-mismatch", "has version " + fileName.versionText() + " in its name but "
                    + "Version: " + text.get() + " in its metadata. The file was renamed: rebuild it instead.");
        }
    }

    private void summary() {
        metadata.first("Summary").ifPresent(summary -> {
            if (summary.contains("\n")) {
                error("metadata.summary", "has a Summary of more than one line. Make [project].description one line.");
            }
            if (summary.length() > MAX_SUMMARY) {
                error("metadata.summary", "has a Summary of " + summary.length() + " characters; PyPI allows "
                        + MAX_SUMMARY + ". Shorten [project].description.");
            }
        });
    }

    private void license(ScannedArchive archive, String version) {
        if (metadata.first("License").isPresent() && metadata.first("License-Expression").isPresent()) {
            error("metadata.license", "has both License and License-Expression; PyPI refuses that. Keep "
                    + "License-Expression ([project].license = \"MIT\") and drop the legacy License field.");
        }
        // packaging 26.2 metadata.py line 698 (_process_license_expression), see SpdxExpression.
        metadata.first("License-Expression").ifPresent(expression -> SpdxExpression.problem(expression).ifPresent(
                why -> error("metadata.license-expression", "has License-Expression '" + expression
                        + "', which PyPI refuses as an SPDX expression (" + why + "). Use SPDX license ids "
                        + "joined by AND, OR, WITH and parentheses, such as MIT, Apache-2.0 or 'MIT OR Apache-2.0' "
                        + "(https://spdx.org/licenses/), and LicenseRef-… for a license of your own.")));
        if (MetadataFields.compareVersions(version, "2.4") < 0) {
            return;
        }
        for (String path : metadata.all("License-File")) {
            if (path.contains("..") || path.contains("*") || path.startsWith("/") || path.contains("\\")) {
                error("metadata.license-file", "has License-File '" + path + "', which must be a relative path "
                        + "with '/' separators, no '..' and no '*'. Fix [project].license-files.");
            } else if (!archive.files().contains(archive.licenseRoot() + path)) {
                error("metadata.license-file", "declares License-File " + path + ", but " + archive.licenseRoot()
                        + path + " is not in the file; PyPI refuses that. Include the license file in the build "
                        + "(check [project].license-files) and rebuild.");
            }
        }
    }

    private void requirements() {
        for (String requirement : metadata.all("Requires-Dist")) {
            Pep508.Result parsed = Pep508.parse(requirement);
            if (parsed.requirement().isEmpty()) {
                error("metadata.requires-dist", "has Requires-Dist '" + requirement.strip() + "', which is not a "
                        + "valid PEP 508 requirement: " + parsed.problem() + ". Fix [project].dependencies.");
            } else if (parsed.requirement().get().directUrl()) {
                error("metadata.direct-url", "requires '" + requirement.strip() + "', a direct URL dependency; PyPI "
                        + "refuses those. Depend on a released version from an index instead.");
            }
        }
        metadata.first("Requires-Python").ifPresent(specifiers -> VersionSpecifiers.problem(specifiers).ifPresent(
                why -> error("metadata.requires-python", "has Requires-Python '" + specifiers + "', which is not a "
                        + "valid version specifier: " + why + ". Fix [project].requires-python (e.g. \">=3.8\").")));
        for (String extra : metadata.all("Provides-Extra")) {
            if (!NAME.matcher(extra.strip()).matches()) {
                error("metadata.provides-extra", "has Provides-Extra '" + extra + "', which is not a valid extra "
                        + "name. Fix [project.optional-dependencies].");
            }
        }
    }

    /**
     * warehouse forklift/metadata.py lines 148-160: the one address email.utils.parseaddr finds in the field must pass
     * email-validator (EmailSyntax). A field where parseaddr finds no single address (several addresses, unbalanced
     * parentheses, a bracketed domain) is not checked by PyPI, so its bad addresses are only warned about.
     */
    private void emails() {
        for (String field : List.of("Author-email", "Maintainer-email")) {
            metadata.first(field).ifPresent(value -> {
                Optional<String> checked = MetadataAddresses.addressPyPiValidates(value);
                if (checked.isPresent()) {
                    EmailSyntax.problem(checked.get()).ifPresent(why -> error("metadata.email", "has " + field
                            + " '" + value + "', and '" + checked.get() + "' is not a valid e-mail address for PyPI: "
                            + why + " Fix the authors/maintainers in pyproject.toml."));
                    return;
                }
                for (String mailbox : MetadataAddresses.split(value)) {
                    String address = MetadataAddresses.addressOf(mailbox);
                    EmailSyntax.problem(address).ifPresent(why -> warning("metadata.email", "has " + field + " '"
                            + value + "', and '" + address + "' is not a valid e-mail address: " + why + " PyPI "
                            + "does not check this field (email.utils.parseaddr finds no single address in it), but "
                            + "fix it in pyproject.toml."));
                }
            });
        }
    }

    private void dynamic() {
        for (String field : metadata.all("Dynamic")) {
            if (NEVER_DYNAMIC.contains(field.strip().toLowerCase(Locale.ROOT))) {
                error("metadata.dynamic", "marks " + field.strip() + " as Dynamic, which it may never be. Fix the "
                        + "build configuration.");
            }
        }
    }

    /** warehouse forklift/metadata.py lines 162-190; 'Private ::' classifiers are in no list, so PyPI refuses them too. */
    private void classifiers() {
        for (String written : metadata.all("Classifier")) {
            String classifier = written.strip();
            Optional<List<String>> replacements = TroveClassifiers.replacementsOfDeprecated(classifier);
            if (classifier.startsWith("Private ::")) {
                error("metadata.classifier", "has the classifier '" + classifier + "'. PyPI refuses "
                        + "'Private ::' classifiers on purpose (they keep private packages off PyPI); remove it if "
                        + "this package is meant to be public.");
            } else if (replacements.isPresent()) {
                error("metadata.classifier", "has the deprecated classifier '" + classifier + "', which PyPI "
                        + "refuses. " + (replacements.get().isEmpty() ? "Remove it."
                        : "Use " + String.join(" or ", replacements.get()) + " instead."));
            } else if (!TroveClassifiers.isAccepted(classifier)) {
                error("metadata.classifier", "has the classifier '" + classifier + "', which PyPI does not know. "
                        + "Pick one from https://pypi.org/classifiers/ (logflux-release's list is the trove-classifiers "
                        + "release PyPI pins; it is refreshed with scripts/refresh-pypi-lists.sh).");
            }
        }
    }

    private void urls() {
        for (String field : List.of("Home-page", "Download-URL")) {
            metadata.first(field).filter(url -> !isWebUrl(url)).ifPresent(url -> error("metadata.url",
                    "has " + field + " '" + url + "', which is not an http(s) URL. Fix it in the build configuration."));
        }
        for (String projectUrl : metadata.all("Project-URL")) {
            String[] parts = projectUrl.split(",", 2);
            if (parts.length != 2 || !isWebUrl(parts[1].strip())) {
                error("metadata.url", "has Project-URL '" + projectUrl + "'; it must be 'Label, https://…'. Fix "
                        + "[project.urls].");
            } else if (parts[0].strip().length() > 32) {
                error("metadata.url", "has the Project-URL label '" + parts[0].strip() + "', longer than the 32 "
                        + "characters PyPI allows. Shorten it in [project.urls].");
            }
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            java.net.URI uri = new java.net.URI(text.strip());
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void error(String rule, String text) {
        findings.add(Finding.error(rule, "'" + file + "' " + text));
    }

    private void warning(String rule, String text) {
        findings.add(Finding.warning(rule, "'" + file + "' " + text));
    }
}
