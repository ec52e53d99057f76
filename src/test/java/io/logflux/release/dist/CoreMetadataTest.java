package io.logflux.release.dist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreMetadataTest {

    @Test
    void readsHeadersCaseInsensitivelyRepeatedFieldsInOrderAndTheBody() {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 2.1\r\nName: logflux\r\nversion: 0.2.0\r\n"
                + "Classifier: A\r\nClassifier: B\r\nDescription-Content-Type: text/markdown\r\n\r\n# Title\r\n\r\nText\r\n");

        assertThat(m.metadataVersion()).contains("2.1");
        assertThat(m.name()).contains("logflux");
        assertThat(m.version()).contains("0.2.0");
        assertThat(m.all("classifier")).containsExactly("A", "B");
        assertThat(m.fieldNames()).containsExactly("Metadata-Version", "Name", "version", "Classifier",
                "Description-Content-Type");
        assertThat(m.body()).contains("# Title\n\nText\n");
    }

    @Test
    void joinsContinuationLines() {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 1.2\nName: x\nVersion: 1\nDescription: first\n"
                + "        second\n        third\nKeywords: a b\n");

        assertThat(m.first("Description")).contains("first\n        second\n        third");
        assertThat(m.first("Keywords")).contains("a b");
        assertThat(m.body()).isEmpty();
    }

    @Test
    void aLineThatIsNotAHeaderEndsTheHeaders() {
        CoreMetadata m = CoreMetadata.parse("Name: x\nVersion: 1\nnot a header\nSummary: s\n");

        assertThat(m.first("Summary")).isEmpty();
        assertThat(m.body()).contains("not a header\nSummary: s\n");
    }

    @Test
    void refusesTextWithoutHeaders() {
        assertThatThrownBy(() -> CoreMetadata.parse("just some text\n"))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("no 'Field: value' headers");
    }
}
