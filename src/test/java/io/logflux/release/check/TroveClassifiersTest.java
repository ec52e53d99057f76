package io.logflux.release.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped classifier list against a real one: every classifier of Debian's python3-trove-classifiers (an older
 * release of the same pypa package) is either accepted or listed as deprecated in ours.
 */
class TroveClassifiersTest {
    @Test
    void everyClassifierOfDebiansPackageIsKnown() throws IOException {
        JsonNode debian = new ObjectMapper().readTree(DebianPython.runOk(null, "-c",
                "import json; from trove_classifiers import sorted_classifiers, deprecated_classifiers as d; "
                        + "print(json.dumps({'accepted': sorted_classifiers, 'deprecated': list(d)}))"));
        List<String> unknown = new ArrayList<>();
        debian.get("accepted").forEach(c -> {
            if (!TroveClassifiers.isAccepted(c.asText()) && TroveClassifiers.replacementsOfDeprecated(c.asText()).isEmpty()) {
                unknown.add(c.asText());
            }
        });
        List<String> notDeprecated = new ArrayList<>();
        debian.get("deprecated").forEach(c -> {
            if (TroveClassifiers.replacementsOfDeprecated(c.asText()).isEmpty()) {
                notDeprecated.add(c.asText());
            }
        });

        assertThat(debian.get("accepted").size()).isGreaterThan(500);
        assertThat(unknown).isEmpty();
        assertThat(notDeprecated).isEmpty();
    }

    @Test
    void newerClassifiersThanDebiansAreKnownToo() {
        assertThat(TroveClassifiers.isAccepted("Programming Language :: Python :: 3.14")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Django :: 6.0")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Programming Language :: Python :: 3.99")).isFalse();
    }

    @Test
    void theListIsThatOfTheReleaseWarehousePinsNotOfAnUnmergedChange() {
        // Added in trove-classifiers 2026.1.14.14 (pypa/trove-classifiers#232).
        assertThat(TroveClassifiers.isAccepted("Environment :: Cygwin (MS Windows)")).isTrue();
        // In the pinned 2026.6.1.19 (trove-classifiers-pin-additions.txt says which pull request added each).
        assertThat(TroveClassifiers.isAccepted("Programming Language :: Python :: 3.16")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Django :: 6.1")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Wagtail :: 8")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Litestar")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Litestar :: 1")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Litestar :: 3")).isTrue();
        assertThat(TroveClassifiers.isAccepted("Framework :: Litestar :: 4")).isFalse();
        assertThat(TroveClassifiers.isAccepted("Framework :: Wagtail :: 9")).isFalse();
        // Only in an unmerged change (pypa/trove-classifiers#184, open), which the previous list had been read from.
        assertThat(TroveClassifiers.isAccepted("Topic :: Scientific/Engineering :: Data Acquisition (DAQ)")).isFalse();
        assertThat(TroveClassifiers.replacementsOfDeprecated("Natural Language :: Ukranian"))
                .hasValue(List.of("Natural Language :: Ukrainian"));
    }
}
