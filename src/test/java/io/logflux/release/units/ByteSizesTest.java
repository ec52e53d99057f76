package io.logflux.release.units;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizesTest {

    @Test
    void bytesBelowOneKibibyteAreCountedAndLargerSizesGetOneDecimalOfTheLargestUnitThatFits() {
        assertThat(ByteSizes.human(0)).isEqualTo("0 B");
        assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
        assertThat(ByteSizes.human(1024)).isEqualTo("1.0 KiB");
        assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(ByteSizes.human((1L << 20) - 1)).isEqualTo("1024.0 KiB");
        assertThat(ByteSizes.human(268_518_518)).isEqualTo("256.1 MiB");
        assertThat(ByteSizes.human(3L << 29)).isEqualTo("1.5 GiB");
        assertThat(ByteSizes.human(5L << 40)).isEqualTo("5.0 TiB");
        assertThat(ByteSizes.human(Long.MAX_VALUE)).isEqualTo("8388608.0 TiB");
    }

    @Test
    void aSizeIsRoundedToTheNearestTenthAndHalfwayUp() {
        assertThat(ByteSizes.human(1024 + 51)).isEqualTo("1.0 KiB");  // 1.0498 KiB
        assertThat(ByteSizes.human(1024 + 52)).isEqualTo("1.1 KiB");  // 1.0508 KiB
        assertThat(ByteSizes.human((10L << 20) - 1)).isEqualTo("10.0 MiB");  // 9.99999 MiB
        assertThat(ByteSizes.human(1280)).isEqualTo("1.3 KiB");  // 1.25 KiB: halfway, up as %.1f rounds it
    }

    @Property
    void everySizeIsPrintedAsItsExactValueRoundedToOneDecimal(@ForAll @LongRange(min = 1024) long bytes) {
        BigDecimal divisor = BigDecimal.valueOf(1024);
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (unit < units.length - 1 && BigDecimal.valueOf(bytes).compareTo(divisor.multiply(BigDecimal.valueOf(1024))) >= 0) {
            divisor = divisor.multiply(BigDecimal.valueOf(1024));
            unit++;
        }
        String expected = BigDecimal.valueOf(bytes).divide(divisor).setScale(1, RoundingMode.HALF_UP).toPlainString()
                + " " + units[unit];

        assertThat(ByteSizes.human(bytes)).isEqualTo(expected);
    }
}
