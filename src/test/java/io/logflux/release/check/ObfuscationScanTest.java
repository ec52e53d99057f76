package io.logflux.release.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton finds what a plain search finds, however the bytes are split; and which members PyPI scans. */
class ObfuscationScanTest {
    private static final List<String> PYARMOR = List.of("__pyarmor__(__name__, __file__,", "__pyarmor_enter__",
            "__pyarmor_exit__", "__pyarmor_assert__", "__pyarmor_bcc__");
    private static final String BEGIN = "---BEGIN PYE FILE---";
    private static final String END = "---END PYE FILE---";

    private static Optional<ObfuscationScan.Rule> plainSearch(String text) {
        if (PYARMOR.stream().anyMatch(text::contains)) {
            return Optional.of(ObfuscationScan.Rule.PYARMOR);
        }
        return text.contains(BEGIN) && text.contains(END) ? Optional.of(ObfuscationScan.Rule.SOURCEDEFENDER)
                : Optional.empty();
    }

    @Test
    void agreesWithAPlainSearchOnSeededRandomTexts() {
        Random random = new Random(21);
        // near misses share prefixes with the strings, so the automaton's failure steps are exercised
        List<String> pieces = List.of("__pyarmor", "__pyarmor_", "__pyarmor__(__name__, __file__", "_", "__",
                "---", "---BEGIN PYE", "---END PYE FILE--", "x = 1\n", " ", "__pyarmor_exit_", BEGIN, END,
                PYARMOR.get(random.nextInt(PYARMOR.size())));
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                String piece = pieces.get(random.nextInt(pieces.size() - 3));
                if (random.nextInt(40) == 0) {
                    piece = pieces.get(pieces.size() - 3 + random.nextInt(3));
                }
                text.append(piece);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            ObfuscationScan.Matcher matcher = new ObfuscationScan.Matcher();
            int at = 0;
            while (at < bytes.length) {
                int length = 1 + random.nextInt(Math.max(1, bytes.length - at));
                matcher.update(bytes, at, length);
                at += length;
            }
            Optional<ObfuscationScan.Rule> expected = plainSearch(text.toString());
            matched += expected.isPresent() ? 1 : 0;
            assertThat(matcher.match()).as(text.toString()).isEqualTo(expected);
        }
        assertThat(matched).as("texts that match (the comparison must mean something)").isGreaterThan(100);
    }

    @Test
    void pypiScansPyAndPyeMembersOfAtMostFiveMebibytes() {
        // scanner.py lines 21, 24, 81-82: Path(name).suffix.lower() in {".py", ".pye"}, with Python 3.14's suffix
        // (warehouse's Dockerfile: python:3.14.7), which leaves leading dots to the stem
        assertThat(ObfuscationScan.scans("x/core.py", 10)).isTrue();
        assertThat(ObfuscationScan.scans("x/core.PY", 10)).isTrue();
        assertThat(ObfuscationScan.scans("x/core.pye", 10)).isTrue();
        assertThat(ObfuscationScan.scans("x/..py", 10)).isFalse();
        assertThat(ObfuscationScan.scans("x/a..py", 10)).isTrue();
        assertThat(ObfuscationScan.scans("x/core.py.", 10)).isFalse();
        assertThat(ObfuscationScan.scans("x/.py", 10)).isFalse();
        assertThat(ObfuscationScan.scans("x/core.pyc", 10)).isFalse();
        assertThat(ObfuscationScan.scans("x/core.py.txt", 10)).isFalse();
        assertThat(ObfuscationScan.scans("x/core.py", 5 << 20)).isTrue();
        assertThat(ObfuscationScan.scans("x/core.py", (5 << 20) + 1)).isFalse();
    }
}
