package io.logflux.release.request;

import java.time.Duration;

/** The checks requests share, each failing with an {@link InvalidRequestException} naming the field. */
public final class Rules {
    private Rules() {
    }

    public static int atLeastOne(String field, int value, String meaningOfOne) {
        if (value < 1) {
            throw new InvalidRequestException(field, "takes 1 or more (1 " + meaningOfOne + "); got " + value + ".");
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidRequestException(field, "takes a duration above zero, e.g. 90s, 15m or 1h; got "
                    + value + ".");
        }
        return value;
    }

    public static Duration notNegative(String field, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidRequestException(field, "takes a duration of zero or more, e.g. 0s or 30m; got "
                    + value + ".");
        }
        return value;
    }
}
