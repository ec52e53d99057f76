package io.logflux.release.units;

/**
 * Sizes for people: 512 B, 1.0 KiB, 100.0 MiB, 1.5 GiB: one decimal, rounded as {@code %.1f} would print it. Worked
 * out in whole numbers rather than with {@link String#format}: the first use of a formatter loads the JDK's locale
 * data, ~10 ms of a cold start, and a publish prints a size before its first upload.
 */
public final class ByteSizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        long divisor = 1024;
        int unit = 0;
        while (unit < UNITS.length - 1 && bytes / divisor >= 1024) {
            divisor *= 1024;
            unit++;
        }
        // Split so that nothing overflows: the whole units, then the tenths of the rest, rounded half up (as
        // %.1f does: 1280 bytes, 1.25 KiB, is 1.3 KiB).
        long tenths = bytes / divisor * 10 + (bytes % divisor * 10 + divisor / 2) / divisor;
        return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
    }
}
