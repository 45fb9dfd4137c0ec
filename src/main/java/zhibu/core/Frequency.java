package zhibu.core;

/** How often: {@code per} is month, quarter, half-year, year or term; {@code times} how many times in it. */
public record Frequency(String per, int times) {
    /** Times a year, to tell the stricter of two frequencies (a term counts as three years). */
    public double perYear() {
        double periods = switch (per) {
            case "month" -> 12;
            case "quarter" -> 4;
            case "half-year" -> 2;
            case "year" -> 1;
            default -> 1.0 / 3;
        };
        return periods * times;
    }

    /** 每季度1次, 每月1天 … in Chinese. */
    public String label() {
        String period = switch (per) {
            case "month" -> "每月";
            case "quarter" -> "每季度";
            case "half-year" -> "每半年";
            case "year" -> "每年";
            default -> "每届";
        };
        return period + times + "次";
    }
}
