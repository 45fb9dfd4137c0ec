package zhibu.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.ChineseDigits;

/** Dates as Chinese documents print them, turned into YYYY-MM-DD, YYYY-MM or YYYY. */
public final class ChineseDates {
    private static final String YEAR = "((?:19|20)\\d{2}|[一二〇○零O][〇○零O一二三四五六七八九]{3})";
    private static final String NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    public static final Pattern FULL = Pattern.compile(YEAR + "\\s*年\\s*" + NUM + "\\s*月\\s*" + NUM + "\\s*日");
    private static final Pattern YEAR_MONTH = Pattern.compile(YEAR + "\\s*年\\s*" + NUM + "\\s*月(?!\\s*" + NUM + "\\s*日)");
    private static final Pattern ISO = Pattern.compile("((?:19|20)\\d{2})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?");

    private ChineseDates() {
    }

    /** The first date in the text, most precise form first. */
    public static Optional<String> find(String text) {
        Matcher m = FULL.matcher(text);
        if (m.find()) {
            return ymd(m.group(1), m.group(2), m.group(3));
        }
        m = ISO.matcher(text);
        if (m.find()) {
            return ymd(m.group(1), m.group(2), m.group(3));
        }
        m = YEAR_MONTH.matcher(text);
        if (m.find()) {
            return ymd(m.group(1), m.group(2), null);
        }
        return Optional.empty();
    }

    /** Every full date in the text, in order. */
    public static java.util.List<String> findAll(String text) {
        java.util.List<String> dates = new java.util.ArrayList<>();
        Matcher m = FULL.matcher(text);
        while (m.find()) {
            ymd(m.group(1), m.group(2), m.group(3)).ifPresent(dates::add);
        }
        return dates;
    }

    private static Optional<String> ymd(String year, String month, String day) {
        int y = number(year);
        int mo = number(month);
        if (y < 1900 || mo < 1 || mo > 12) {
            return Optional.empty();
        }
        if (day == null) {
            return Optional.of(String.format("%04d-%02d", y, mo));
        }
        int d = number(day);
        if (d < 1 || d > 31) {
            return Optional.empty();
        }
        return Optional.of(String.format("%04d-%02d-%02d", y, mo, d));
    }

    /** Digits, digit-by-digit Chinese years (二〇一八) and Chinese numbers up to 99 (二十三). */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        if (s.length() == 4) {
            int v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        int tens = s.indexOf('十');
        if (tens < 0) {
            return digit(s.charAt(0));
        }
        int high = tens == 0 ? 1 : digit(s.charAt(0));
        int low = tens == s.length() - 1 ? 0 : digit(s.charAt(tens + 1));
        return high * 10 + low;
    }

    /** A Chinese digit's value; anything else makes the number negative, so it is refused. */
    private static int digit(char c) {
        int d = ChineseDigits.value(c);
        return d < 0 ? -100 : d;
    }
}
