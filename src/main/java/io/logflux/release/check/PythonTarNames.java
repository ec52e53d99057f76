package io.logflux.release.check;

import io.logflux.release.dist.TarMember;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An sdist's member names as Python's {@code tarfile} gives them ({@code getnames()}: as stored, a directory's
 * trailing '/' removed) and their common path as warehouse computes it ({@code _commonpath}, forklift/legacy.py
 * lines 556-562: {@code os.path.commonpath}, which drops empty and '.' components). PyPI refuses an sdist whose
 * common path is empty and looks its PKG-INFO up as {@code <common path>/PKG-INFO} (lines 420-458).
 */
final class PythonTarNames {
    private final Set<String> names = new LinkedHashSet<>();
    private List<String> common;
    private boolean absolute;
    private boolean mixed;
    private boolean dotMember;

    void add(TarMember member) {
        String name = member.name();
        if (member.type() == TarMember.Type.DIRECTORY) {
            int end = name.length();
            while (end > 0 && name.charAt(end - 1) == '/') {
                end--;
            }
            name = name.substring(0, end);
        }
        names.add(name);
        List<String> components = new ArrayList<>();
        for (String part : name.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                components.add(part);
            }
        }
        dotMember |= components.isEmpty();
        boolean isAbsolute = name.startsWith("/");
        if (common == null) {
            common = components;
            absolute = isAbsolute;
            return;
        }
        mixed |= isAbsolute != absolute;
        int same = 0;
        while (same < common.size() && same < components.size() && common.get(same).equals(components.get(same))) {
            same++;
        }
        if (same < common.size()) {
            common = new ArrayList<>(common.subList(0, same));
        }
    }

    /**
     * The common path, or "" when PyPI refuses the layout: no common component (also no members at all, or absolute
     * and relative names mixed, which {@code os.path.commonpath} refuses with a ValueError).
     */
    String commonPath() {
        if (common == null || common.isEmpty() || mixed) {
            return "";
        }
        return (absolute ? "/" : "") + String.join("/", common);
    }

    /** Whether a member's name is only '.' components ('./'), which leaves the common path empty. */
    boolean hasDotMember() {
        return dotMember;
    }

    Set<String> names() {
        return names;
    }
}
