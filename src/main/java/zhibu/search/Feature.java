package zhibu.search;

import java.util.Locale;

/**
 * What the fusion weighs for a candidate: its score in each view (scaled to 0–1 over the candidates of the
 * question), how much of a quoted question's wording it contains, how well it keeps the words around a fill-in
 * blank, its prior (log), and whether it matches the place, branch type or kind of answer the question names.
 */
public enum Feature {
    WORDS, CHARS, SENTENCE_WORDS, SENTENCE_CHARS, DENSE, SENTENCE_DENSE,
    /** Share of a long question's character 4-grams the text contains (none for short questions). */
    QUOTE,
    /** Share of the words around a fill-in blank the text keeps around a short gap (none without a blank). */
    BLANK,
    /** log of the unit's prior: heading-only clauses and preambles low, documents no longer in force lower. */
    PRIOR,
    /** 1 when the unit's document speaks for a place the question names. */
    PLACE,
    /** 1 when the unit is addressed to a branch type the question names. */
    TYPE,
    /** 1 when the unit states the kind of answer asked for (how often, how much). */
    INTENT;

    /** The views, in order: the features that come from searching. */
    public static final java.util.List<Feature> VIEWS = java.util.List.of(WORDS, CHARS, SENTENCE_WORDS,
            SENTENCE_CHARS, DENSE, SENTENCE_DENSE);

    public boolean view() {
        return ordinal() <= SENTENCE_DENSE.ordinal();
    }

    /**
     * Whether the fusion scales the feature to 0–1 over the question's candidates: the views' scores, and the
     * quotation evidence, whose shares mean little in themselves but rank the candidates of one question well.
     */
    public boolean scaled() {
        return view() || this == QUOTE || this == BLANK;
    }

    public boolean sentences() {
        return this == SENTENCE_WORDS || this == SENTENCE_CHARS || this == SENTENCE_DENSE;
    }

    public boolean dense() {
        return this == DENSE || this == SENTENCE_DENSE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Feature fromLabel(String label) {
        for (Feature f : values()) {
            if (f.label().equals(label.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + label + "'");
    }
}
