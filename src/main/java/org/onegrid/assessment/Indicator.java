package org.onegrid.assessment;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The indicators the composite score weighs; each gives a value from 0 (worst) to 1 (best). */
public enum Indicator {
    SIGN_FOR_ON_TIME("signForOnTimeRate", Figures::signForOnTimeRate),
    ON_TIME_RESOLUTION("onTimeResolutionRate", Figures::onTimeResolutionRate),
    RESOLUTION("resolutionRate", Figures::resolutionRate),
    SATISFACTION("satisfactionRate", Figures::satisfactionRate),
    /** Counted as 1 - the return rate. */
    RETURNS("returnRate", f -> f.returnRate() == null ? null : 1 - f.returnRate()),
    /** Counted as 1 - the rework rate. */
    REWORK("reworkRate", f -> f.reworkRate() == null ? null : 1 - f.reworkRate());

    private final String key;
    private final Function<Figures, Double> value;

    Indicator(String key, Function<Figures, Double> value) {
        this.key = key;
        this.value = value;
    }

    /** The name in the API and in {@code assessment_weight}: the rate it is computed from. */
    public String key() {
        return key;
    }

    public static Optional<Indicator> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    /** The indicator's contribution to the score; null when it has no value. */
    Double valueOf(Figures figures) {
        return value.apply(figures);
    }
}
