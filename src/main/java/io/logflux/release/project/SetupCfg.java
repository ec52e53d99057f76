package io.logflux.release.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [metadata]} section of setup.cfg: {@code name}, and {@code version} as a literal, {@code attr: module.var}
 * or {@code file: VERSION}. Parsed with configparser's rules: {@code key = value} or {@code key: value}, indented
 * continuation lines, {@code #} and {@code ;} comment lines.
 */
public record SetupCfg(Path file, Optional<String> name, Optional<VersionSource> literalVersion,
                       Optional<String> versionAttr, Optional<String> versionFile) {

    public static SetupCfg read(Path file) {
        Map<String, String> metadata = metadataSection(TextFiles.read(file));
        Optional<String> name = Optional.ofNullable(metadata.get("name")).filter(s -> !s.isBlank());
        String version = metadata.get("version");
        if (version == null || version.isBlank()) {
            return new SetupCfg(file, name, Optional.empty(), Optional.empty(), Optional.empty());
        }
        String trimmed = version.strip();
        if (trimmed.startsWith("attr:")) {
            return new SetupCfg(file, name, Optional.empty(), Optional.of(trimmed.substring(5).strip()), Optional.empty());
        }
        if (trimmed.startsWith("file:")) {
            String first = trimmed.substring(5).split(",")[0].strip();
            return new SetupCfg(file, name, Optional.empty(), Optional.empty(), Optional.of(first));
        }
        return new SetupCfg(file, name,
                Optional.of(new VersionSource(SourceKind.SETUP_CFG, file, "[metadata] version", trimmed)),
                Optional.empty(), Optional.empty());
    }

    private static Map<String, String> metadataSection(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean inMetadata = false;
        String lastKey = null;
        for (String line : text.split("\\r\\n|\\r|\\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                inMetadata = stripped.substring(1, stripped.length() - 1).strip().equals("metadata");
                lastKey = null;
                continue;
            }
            if (!inMetadata) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                values.merge(lastKey, "\n" + stripped, String::concat);
                continue;
            }
            int separator = indexOfSeparator(stripped);
            if (separator > 0) {
                lastKey = stripped.substring(0, separator).strip().toLowerCase(Locale.ROOT).replace('-', '_');
                values.put(lastKey, stripped.substring(separator + 1).strip());
            }
        }
        return values;
    }

    private static int indexOfSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }
}
