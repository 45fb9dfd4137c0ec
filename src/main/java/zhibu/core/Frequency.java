package zhibu.core;

/** How often: {@code per} is the period (month, quarter, half-year, year or term); {@code times} how many times in it. */
public record Frequency(Period per, int times) {
    /** Times a year, to tell the stricter of two frequencies (a term counts as three years). */
    public double perYear() {
        return per.perYear() * times;
    }

    /** 每季度1次, 每月1次 … in Chinese. */
    public String label() {
        return per.chinese() + times + "次";
    }
}
