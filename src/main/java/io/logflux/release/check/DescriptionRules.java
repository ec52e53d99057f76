package io.logflux.release.check;

import io.logflux.release.dist.CoreMetadata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The long description: its content type must be one PyPI knows, and reStructuredText (also the default when no
 * type is given) must render without a single docutils warning, as PyPI requires. Markdown and plain text cannot
 * fail. A missing description or content type is a warning, as in twine check.
 */
final class DescriptionRules {
    static final Set<String> TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    private static final Set<String> MARKDOWN_VARIANTS = Set.of("GFM", "CommonMark");

    private DescriptionRules() {
    }

    /**
     * packaging 26.2's Metadata._process_description_content_type (src/packaging/metadata.py lines 616-646), which
     * warehouse's metadata parsing runs: the type must be one of three and appear as written in the value (line 628),
     * charset must be exactly "UTF-8" (lines 633-634: compared case-sensitively, so charset=utf-8 is refused) and a
     * Markdown variant exactly "GFM" or "CommonMark" (lines 639-641). Debian's packaging 23.0 has no such check.
     */
    static void checkContentType(String file, CoreMetadata metadata, List<Finding> findings) {
        Optional<String> value = metadata.first("Description-Content-Type");
        if (value.isEmpty()) {
            return;
        }
        ContentTypeHeader header = ContentTypeHeader.parse(value.get());
        if (!TYPES.contains(header.type()) || !value.get().toLowerCase(Locale.ROOT).contains(header.type())) {
            findings.add(Finding.error("description.content-type", "'" + file + "' has Description-Content-Type '"
                    + value.get() + "'; PyPI knows only text/plain, text/x-rst and text/markdown. Fix the readme's "
                    + "content type ([project].readme, or long_description_content_type in setup.py)."));
            return;
        }
        String charset = header.params().getOrDefault("charset", "UTF-8");
        if (!charset.equals("UTF-8")) {
            findings.add(Finding.error("description.content-type", "'" + file + "' declares charset=" + charset
                    + " in its Description-Content-Type '" + value.get() + "'; PyPI accepts only charset=UTF-8, "
                    + (charset.equalsIgnoreCase("UTF-8") ? "spelled exactly so (in upper case). "
                    : "and the readme must be UTF-8. ") + "Write charset=UTF-8 or drop the parameter."));
        }
        String variant = header.params().getOrDefault("variant", "GFM");
        if (header.type().equals("text/markdown") && !MARKDOWN_VARIANTS.contains(variant)) {
            findings.add(Finding.error("description.content-type", "'" + file + "' declares the Markdown "
                    + "variant '" + variant + "'; PyPI knows GFM and CommonMark, spelled exactly so. Write "
                    + "variant=GFM or variant=CommonMark, or drop the parameter."));
        }
    }

    static void checkRendering(String file, CoreMetadata metadata, RstRenderer renderer, List<Finding> findings) {
        Optional<String> description = description(metadata);
        if (description.isEmpty()) {
            findings.add(Finding.warning("description.missing", "'" + file + "' has no long description, so "
                    + "PyPI's project page will be empty. Set [project].readme (as twine check warns: "
                    + "`long_description` missing)."));
            return;
        }
        Optional<String> type = metadata.first("Description-Content-Type")
                .map(v -> v.split(";")[0].strip().toLowerCase(Locale.ROOT));
        if (type.isEmpty()) {
            findings.add(Finding.warning("description.content-type-missing", "'" + file + "' has no "
                    + "Description-Content-Type, so PyPI renders the description as reStructuredText. Declare it "
                    + "([project].readme = \"README.md\" sets text/markdown)."));
        }
        if (type.isPresent() && !type.get().equals("text/x-rst")) {
            return;
        }
        renderer.render(description.get(), result -> reportRendering(file, result, findings));
    }

    private static void reportRendering(String file, RstRenderer.Result result, List<Finding> findings) {
        if (!result.checked()) {
            findings.add(Finding.warning("description.rst-unchecked", "'" + file + "': the reStructuredText "
                    + "description was not checked: " + result.notCheckedBecause() + ". PyPI refuses descriptions "
                    + "that do not render."));
        } else if (!result.problems().isEmpty()) {
            findings.add(Finding.error("description.rst", "'" + file + "': the description would not render on "
                    + "PyPI (reStructuredText, where any warning fails the upload): " + String.join("; ",
                    result.problems()) + ". Fix the readme, or declare its real content type if it is Markdown."));
        }
    }

    /**
     * The description: the body from Metadata-Version 2.1 on, else the Description field with its indent removed.
     * Missing when empty or "UNKNOWN" (twine's rule), but not when it is only white space: twine sends that to the
     * index, which renders any non-empty description (warehouse forklift/legacy.py: {@code if meta.description}), and
     * as reStructuredText it renders to nothing, so the upload is refused.
     */
    static Optional<String> description(CoreMetadata metadata) {
        Optional<String> text = metadata.body().or(() -> metadata.first("Description").map(DescriptionRules::dedent));
        return text.filter(t -> !t.isEmpty() && !t.strip().equals("UNKNOWN"));
    }

    private static String dedent(String folded) {
        StringBuilder out = new StringBuilder();
        for (String line : folded.split("\n", -1)) {
            String stripped = line.startsWith("        ") ? line.substring(8)
                    : line.startsWith("       |") ? line.substring(8) : line;
            out.append(out.length() == 0 ? "" : "\n").append(stripped);
        }
        return out.toString();
    }
}
