package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.units.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Reads durations such as {@code 90s}, {@code 15m}, {@code 1h}, {@code 500ms}, a plain number of seconds, or ISO-8601. */
final class DurationArgument implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value, "The value");
        } catch (ReleaseException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The shortest way to write {@code d} that {@link #convert} reads back: 15m, 90s, 1h, 500ms. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
