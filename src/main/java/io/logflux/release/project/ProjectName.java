package io.logflux.release.project;

import java.util.Locale;

/** PEP 503 name normalization: runs of '-', '_' and '.' become one '-', lower case. */
public final class ProjectName {
    private ProjectName() {
    }

    public static String normalize(String name) {
        return name.strip().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }
}
