package io.logflux.release.units;

import java.util.Locale;

/** Sizes for people: 512 B, 1.0 KiB, 100.0 MiB, 1.5 GiB. */
public final class ByteSizes {
    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
