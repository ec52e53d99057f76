package io.logflux.release.files;

import io.logflux.release.ReleaseException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One Ant-style pattern: {@code *} and {@code ?} within a path segment, {@code **} for any number of segments. */
final class AntPattern {
    private final String text;
    private final List<Pattern> segments;
    private final boolean anyDepth;

    private AntPattern(String text, List<Pattern> segments, boolean anyDepth) {
        this.text = text;
        this.segments = segments;
        this.anyDepth = anyDepth;
    }

    static AntPattern compile(String text) {
        String normalized = text.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            throw new ReleaseException("File pattern '" + text + "' is absolute; give it relative to the workspace, "
                    + "for example 'dist/*'.");
        }
        if (normalized.endsWith("/")) {
            normalized = normalized + "**";
        }
        List<Pattern> segments = new ArrayList<>();
        boolean anyDepth = false;
        for (String segment : normalized.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new ReleaseException("File pattern '" + text + "' leaves the workspace ('..'); give a pattern "
                        + "inside it, for example 'dist/*'.");
            }
            if (segment.equals("**")) {
                anyDepth = true;
                segments.add(null);
            } else {
                segments.add(Pattern.compile(toRegex(segment)));
            }
        }
        if (segments.isEmpty()) {
            throw new ReleaseException("File pattern '" + text + "' matches nothing; give one such as 'dist/*'.");
        }
        return new AntPattern(text, segments, anyDepth);
    }

    String text() {
        return text;
    }

    int maxDepth() {
        return anyDepth ? Integer.MAX_VALUE : segments.size();
    }

    boolean matches(Path relative) {
        List<String> names = new ArrayList<>();
        for (Path part : relative) {
            names.add(part.toString());
        }
        return match(0, names, 0);
    }

    private boolean match(int p, List<String> names, int n) {
        if (p == segments.size()) {
            return n == names.size();
        }
        Pattern segment = segments.get(p);
        if (segment == null) {
            for (int skip = n; skip <= names.size(); skip++) {
                if (match(p + 1, names, skip)) {
                    return true;
                }
            }
            return false;
        }
        return n < names.size() && segment.matcher(names.get(n)).matches() && match(p + 1, names, n + 1);
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
