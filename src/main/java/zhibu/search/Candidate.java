package zhibu.search;

import java.util.Arrays;

/**
 * A clause or case the views found for a question: its record, and its raw value of each {@link Feature} (NaN where
 * a view did not find it); the fusion adds its score.
 */
final class Candidate {
    final String unitId;
    int doc = -1;
    /** The unit's wording (0: unknown): copies of one wording rank once. */
    long wording;
    final double[] raw = nanRow();
    double score;

    Candidate(String unitId) {
        this.unitId = unitId;
    }

    /** A row of raw feature values, none known yet. */
    static double[] nanRow() {
        double[] row = new double[Feature.values().length];
        Arrays.fill(row, Double.NaN);
        return row;
    }

    /** Keeps the best value a view gives (a unit is as good as its best sentence). */
    void found(Feature view, double value) {
        double before = raw[view.ordinal()];
        raw[view.ordinal()] = Double.isNaN(before) ? value : Math.max(before, value);
    }

    double raw(Feature f) {
        return raw[f.ordinal()];
    }

    void set(Feature f, double value) {
        raw[f.ordinal()] = value;
    }
}
