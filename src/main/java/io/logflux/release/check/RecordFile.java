package io.logflux.release.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A wheel's {@code RECORD}: one CSV line per file, {@code path,algorithm=urlsafe-base64-digest,size}, as Python's csv
 * module writes it (fields with commas or quotes are quoted, quotes doubled).
 */
final class RecordFile {
    record Line(int number, String path, String hash, String size) {
    }

    /** Python's {@code csv.field_size_limit()} default: a longer field is a {@code csv.Error}. */
    static final int PYTHON_FIELD_LIMIT = 131072;

    private final Map<String, Line> lines;
    private final List<String> problems;
    private final Optional<String> unreadableByPython;

    private RecordFile(Map<String, Line> lines, List<String> problems, Optional<String> unreadableByPython) {
        this.lines = lines;
        this.problems = problems;
        this.unreadableByPython = unreadableByPython;
    }

    static RecordFile parse(String text) {
        Map<String, Line> lines = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Optional<String> unreadable = Optional.empty();
        String[] rows = text.split("\\r\\n|\\r|\\n");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> fields = csvFields(rows[i]);
            if (fields != null && unreadable.isEmpty()) {
                for (String field : fields) {
                    if (field.codePointCount(0, field.length()) > PYTHON_FIELD_LIMIT) {
                        unreadable = Optional.of("has a field of more than " + PYTHON_FIELD_LIMIT
                                + " characters on line " + (i + 1) + ", which Python's csv module refuses (\"field "
                                + "larger than field limit\")");
                    }
                }
            }
            if (fields == null || fields.size() != 3) {
                problems.add("line " + (i + 1) + " is not 'path,hash,size'");
                continue;
            }
            Line line = new Line(i + 1, fields.get(0), fields.get(1), fields.get(2));
            if (lines.putIfAbsent(line.path(), line) != null) {
                problems.add("line " + (i + 1) + " lists " + line.path() + " a second time");
            }
        }
        return new RecordFile(lines, problems, unreadable);
    }

    Map<String, Line> lines() {
        return lines;
    }

    /** Malformed or repeated lines: PyPI accepts them; installers that verify RECORD do not. */
    List<String> problems() {
        return problems;
    }

    /** Why PyPI cannot read this RECORD at all (warehouse/utils/wheel.py lines 208-220 parse it with csv). */
    Optional<String> unreadableByPython() {
        return unreadableByPython;
    }

    /** Splits one CSV row; null when a quoted field is not closed. */
    private static List<String> csvFields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
