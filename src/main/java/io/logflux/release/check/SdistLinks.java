package io.logflux.release.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic links an sdist has created so far, and where a path lands once it is resolved through them — as on
 * disk while the archive is unpacked, not only as written. That is what catches the two-step escape: a link to a
 * directory that stays inside ({@code a -> ..}), then a link, hard link or file whose path goes through it and
 * climbs out ({@code a/b -> ..}, a hard link to {@code a/../x}). Resolution is iterative and bounded like the
 * kernel's ({@value #MAX_HOPS} links per path), so no archive can deepen it.
 */
final class SdistLinks {
    static final int MAX_HOPS = 40;

    /** The links as a tree of path segments, so each step of a resolution is one lookup, whatever the depth. */
    private final Node root = new Node();

    /** Records a symbolic link member (its name relative to the archive root, its target as written). */
    void add(String member, String target) {
        Node node = root;
        for (String segment : member.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                node = node.children.computeIfAbsent(segment, s -> new Node());
            }
        }
        node.target = target;
    }

    /** Whether a symbolic link's target, resolved from the link's directory, leaves the archive root. */
    boolean symlinkEscapes(String member, String target) {
        if (target.startsWith("/")) {
            return true;
        }
        int slash = member.lastIndexOf('/');
        return escapes((slash < 0 ? "" : member.substring(0, slash + 1)) + target);
    }

    /** Whether a path from the archive root (a member's own name, or a hard link's target) leaves it. */
    boolean escapes(String path) {
        if (path.startsWith("/")) {
            return true;
        }
        Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
        List<Node> resolved = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String segment = pending.removeFirst();
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return true;
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            Node parent = resolved.isEmpty() ? root : resolved.get(resolved.size() - 1);
            Node node = parent == null ? null : parent.children.get(segment);
            resolved.add(node);
            String target = node == null ? null : node.target;
            if (target != null) {
                if (++hops > MAX_HOPS || target.startsWith("/")) {
                    return true;
                }
                resolved.remove(resolved.size() - 1);
                String[] targetSegments = target.split("/");
                for (int i = targetSegments.length - 1; i >= 0; i--) {
                    pending.addFirst(targetSegments[i]);
                }
            }
        }
        return false;
    }

    /** One path segment; {@code target} is set when the path up to here is a symbolic link. */
    private static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        private String target;
    }
}
