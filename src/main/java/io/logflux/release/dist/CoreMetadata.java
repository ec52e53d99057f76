package io.logflux.release.dist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Core metadata (METADATA in a wheel, PKG-INFO in an sdist): email-style {@code Field: value} headers, continuation
 * lines starting with a space or tab, then after an empty line the body, which holds the description from
 * Metadata-Version 2.1 on.
 */
public final class CoreMetadata {
    private final Map<String, List<String>> fields;
    private final List<String> fieldNames;
    private final String body;

    private CoreMetadata(Map<String, List<String>> fields, List<String> fieldNames, String body) {
        this.fields = fields;
        this.fieldNames = List.copyOf(fieldNames);
        this.body = body;
    }

    public static CoreMetadata parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        String currentKey = null;
        List<String> currentValues = null;
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                i++;
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && currentValues != null) {
                int last = currentValues.size() - 1;
                currentValues.set(last, currentValues.get(last) + "\n" + line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line.substring(0, colon))) {
                break;
            }
            String name = line.substring(0, colon);
            currentKey = name.toLowerCase(Locale.ROOT);
            if (!fields.containsKey(currentKey)) {
                names.add(name);
            }
            currentValues = fields.computeIfAbsent(currentKey, k -> new ArrayList<>());
            currentValues.add(line.substring(colon + 1).strip());
        }
        if (fields.isEmpty()) {
            throw new InvalidDistributionException("The metadata has no 'Field: value' headers; the file was not "
                    + "written by a Python build backend. Rebuild it with python -m build.");
        }
        String body = i < lines.length ? String.join("\n", List.of(lines).subList(i, lines.length)) : null;
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        fields.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new CoreMetadata(Collections.unmodifiableMap(frozen), names,
                body == null || body.isEmpty() ? null : body);
    }

    private static boolean isFieldName(String name) {
        return name.chars().allMatch(c -> c > 32 && c < 127 && c != ':');
    }

    public Optional<String> first(String field) {
        List<String> values = fields.get(field.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String field) {
        return fields.getOrDefault(field.toLowerCase(Locale.ROOT), List.of());
    }

    /** Field names in the order they first appear, spelled as written. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    public Optional<String> metadataVersion() {
        return first("Metadata-Version");
    }

    public Optional<String> name() {
        return first("Name");
    }

    public Optional<String> version() {
        return first("Version");
    }
}
