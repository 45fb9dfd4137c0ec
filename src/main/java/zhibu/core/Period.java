package zhibu.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period a frequency counts in: 每月, 每季度, 每半年, 每年, 每届 (a term, taken as three years). */
public enum Period {
    MONTH("month", "每月", 12),
    QUARTER("quarter", "每季度", 4),
    HALF_YEAR("half-year", "每半年", 2),
    YEAR("year", "每年", 1),
    TERM("term", "每届", 1.0 / 3);

    private final String label;
    private final String chinese;
    private final double perYear;

    Period(String label, String chinese, double perYear) {
        this.label = label;
        this.chinese = chinese;
        this.perYear = perYear;
    }

    /** The contract's name: month, quarter, half-year, year, term. */
    @JsonValue
    public String label() {
        return label;
    }

    public String chinese() {
        return chinese;
    }

    /** How many such periods a year has. */
    public double perYear() {
        return perYear;
    }

    /** Months between two periods' starts; 0 for a term, which has no place in a calendar year. */
    public int months() {
        return switch (this) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
            case TERM -> 0;
        };
    }

    /** The period a Chinese word names: 月, 季度 or 季, 半年, 年, anything else a term. */
    public static Period ofWord(String word) {
        return switch (word) {
            case "月" -> MONTH;
            case "季度", "季" -> QUARTER;
            case "半年" -> HALF_YEAR;
            case "年" -> YEAR;
            default -> TERM;
        };
    }
}
