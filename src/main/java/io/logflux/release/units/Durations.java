package io.logflux.release.units;

import io.logflux.release.ReleaseException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people read them ("850 ms", "12 s", "3 min 5 s", "1 h 2 min") and write them ("90s", "15m", "1h"). */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)?", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** Reads {@code 500ms}, {@code 90s}, {@code 15m}, {@code 1h}, a plain number of seconds, or ISO-8601 ({@code PT15M}). */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.strip();
        Matcher m = SIMPLE.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReleaseException(what + " '" + text + "' is not a duration; write e.g. 90s, 15m or 1h.");
        }
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
    }
}
