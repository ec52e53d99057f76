package io.logflux.release.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes such as {@code 104857600}, {@code 100MiB}, {@code 100M} or {@code 1GiB} (binary units). */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)(i?B)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size; write e.g. 100MiB or 104857600");
        }
        long number = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> number << 10;
            case "M" -> number << 20;
            case "G" -> number << 30;
            default -> number;
        };
    }

    /** The shortest way to write {@code bytes} that {@link #convert} reads back: 100MiB, 1GiB, 1000. */
    static String format(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            int shift = 30 - 10 * i;
            if (bytes > 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + units[i];
            }
        }
        return String.valueOf(bytes);
    }
}
