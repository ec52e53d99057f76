package io.logflux.release.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PyPI's scan for encrypted code, mirrored exactly (pypi/warehouse 6b62157): {@code warehouse/utils/scanner.py}
 * reads every regular member whose name ends in {@code .py} or {@code .pye} (lines 19-21, 76-100; the suffix as
 * {@code pathlib} of Python 3.14 sees it, in any case) and of at most 5 MiB (lines 23-24, 163-171), in wheels and sdists alike
 * ({@code forklift/legacy.py} lines 389-402 and 460-473), and matches the YARA rules of
 * {@code warehouse/utils/scanner_rules/}: {@code pyarmor.yar} (any one of five byte strings) and
 * {@code sourcedefender.yar} (both of two). A match is attributed to one member (scanner.py lines 210-234: strings
 * that only meet across two members match nothing), and PyPI refuses the file with the rule's {@code message}.
 *
 * <p>The strings are found with one automaton over all of them, fed the member's bytes as they are inflated, so a
 * member costs one table step per byte and no copy.
 */
final class ObfuscationScan {
    /** scanner.py line 24: {@code _SCAN_MAX_FILE_SIZE}. */
    static final long MAX_FILE_BYTES = 5L << 20;

    /** A rule of {@code scanner_rules/}, with the words PyPI refuses the file with (its {@code message} meta). */
    enum Rule {
        PYARMOR("pyarmor_encrypted", "PyArmor-obfuscated code",
                "PyArmor-encrypted content is not allowed. See https://pypi.org/policy/acceptable-use-policy/ for "
                        + "more information."),
        SOURCEDEFENDER("sourcedefender_encrypted", "SourceDefender-encrypted code",
                "SourceDefender-encrypted content is not allowed. See https://pypi.org/policy/acceptable-use-policy/"
                        + " for more information.");

        final String yaraName;
        final String what;
        final String pypiMessage;

        Rule(String yaraName, String what, String pypiMessage) {
            this.yaraName = yaraName;
            this.what = what;
            this.pypiMessage = pypiMessage;
        }
    }

    /** pyarmor.yar lines 11-17 ({@code any of them}), then sourcedefender.yar lines 8-9 ({@code all of them}). */
    private static final List<String> STRINGS = List.of(
            "__pyarmor__(__name__, __file__,", "__pyarmor_enter__", "__pyarmor_exit__", "__pyarmor_assert__",
            "__pyarmor_bcc__", "---BEGIN PYE FILE---", "---END PYE FILE---");
    private static final int PYARMOR_ANY = 0b11111;
    private static final int SOURCEDEFENDER_ALL = 0b1100000;

    /** The automaton's steps, {@code state * 256 + byte}, flat for one array access per byte. */
    private static final int[] NEXT;
    private static final int[] FOUND;

    static {
        int states = 1 + STRINGS.stream().mapToInt(String::length).sum();
        int[][] next = new int[states][];
        int[] found = new int[states];
        next[0] = new int[256];
        Arrays.fill(next[0], -1);
        int used = 1;
        for (int s = 0; s < STRINGS.size(); s++) {
            int state = 0;
            for (byte b : STRINGS.get(s).getBytes(StandardCharsets.US_ASCII)) {
                int c = b & 0xFF;
                if (next[state][c] < 0) {
                    next[used] = new int[256];
                    Arrays.fill(next[used], -1);
                    next[state][c] = used++;
                }
                state = next[state][c];
            }
            found[state] |= 1 << s;
        }
        // breadth first: each state's missing steps follow its failure state's, as in Aho-Corasick
        int[] failure = new int[used];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            if (next[0][c] < 0) {
                next[0][c] = 0;
            } else {
                failure[next[0][c]] = 0;
                queue.add(next[0][c]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            found[state] |= found[failure[state]];
            for (int c = 0; c < 256; c++) {
                int child = next[state][c];
                if (child < 0) {
                    next[state][c] = next[failure[state]][c];
                } else {
                    failure[child] = next[failure[state]][c];
                    queue.add(child);
                }
            }
        }
        NEXT = new int[used * 256];
        for (int state = 0; state < used; state++) {
            System.arraycopy(next[state], 0, NEXT, state * 256, 256);
        }
        FOUND = Arrays.copyOf(found, used);
    }

    private ObfuscationScan() {
    }

    /** Whether PyPI scans a regular member of this name and size. */
    static boolean scans(String memberName, long size) {
        if (size > MAX_FILE_BYTES) {
            return false;
        }
        // Python 3.14's PurePath.suffix (gh-118952, as os.path.splitext): leading dots belong to the stem
        String last = memberName.substring(memberName.lastIndexOf('/') + 1);
        int start = 0;
        while (start < last.length() && last.charAt(start) == '.') {
            start++;
        }
        int dot = last.lastIndexOf('.');
        if (dot < start) {
            return false;
        }
        String suffix = last.substring(dot).toLowerCase(Locale.ROOT);
        return suffix.equals(".py") || suffix.equals(".pye");
    }

    /** One member's scan: feed it the member's bytes in order, then ask what matched. */
    static final class Matcher {
        private int state;
        private int found;

        void update(byte[] bytes, int offset, int length) {
            int s = state;
            int f = found;
            for (int i = offset; i < offset + length; i++) {
                s = NEXT[(s << 8) | (bytes[i] & 0xFF)];
                f |= FOUND[s];
            }
            state = s;
            found = f;
        }

        Optional<Rule> match() {
            if ((found & PYARMOR_ANY) != 0) {
                return Optional.of(Rule.PYARMOR);
            }
            if ((found & SOURCEDEFENDER_ALL) == SOURCEDEFENDER_ALL) {
                return Optional.of(Rule.SOURCEDEFENDER);
            }
            return Optional.empty();
        }

        /** The first string of the rule that was found, to name in the finding. */
        String evidence(Rule rule) {
            int mask = rule == Rule.PYARMOR ? PYARMOR_ANY : SOURCEDEFENDER_ALL;
            for (int s = 0; s < STRINGS.size(); s++) {
                if ((mask & found & (1 << s)) != 0) {
                    return STRINGS.get(s);
                }
            }
            throw new IllegalStateException(rule + " did not match");
        }
    }

    /** The finding for a member that matched, in PyPI's words. */
    static Finding finding(String fileName, String member, Rule rule, Matcher matcher) {
        return Finding.error("archive.obfuscated", "'" + fileName + "': member " + io.logflux.release.dist
                .QuotedNames.quote(member) + " holds " + rule.what + " (it contains '" + matcher.evidence(rule)
                + "'; PyPI's YARA rule " + rule.yaraName + "). PyPI refuses the file: \"" + rule.pypiMessage
                + "\" Publish the readable source instead.");
    }
}
