package zhibu.core;

/**
 * A number a requirement states, with its unit (人, 学时, 元, %, 个月, 年, 周岁 …) and whether it is a floor
 * ({@code min}: 不少于, 以上, 提前), a ceiling ({@code max}: 不超过, 以下) or exact; {@code upTo} closes a range (3人至5人).
 */
public record Quantity(String comparator, double value, Double upTo, String unit) {
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String EXACT = "exact";

    /** Whether this demands more than {@code other} of the same kind. */
    public boolean stricterThan(Quantity other) {
        return switch (comparator) {
            case MIN -> value > other.value;
            case MAX -> value < other.value;
            default -> false;
        };
    }
}
