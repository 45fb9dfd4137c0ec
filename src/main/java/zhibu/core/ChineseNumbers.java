package zhibu.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.ChineseDigits;

/** Chinese numerals to digits: 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105, 两 → 2, 二〇二〇 → 2020. */
public final class ChineseNumbers {
    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final Pattern RUN = Pattern.compile("[零〇一二两三四五六七八九十百千万]+");

    private ChineseNumbers() {
    }

    /** The digits of a string made only of Chinese numerals, or null when it is anything else. */
    public static String toDigits(String s) {
        if (s.isEmpty() || !RUN.matcher(s).matches()) {
            return null;
        }
        boolean positional = s.chars().allMatch(c -> DIGITS.indexOf(c) >= 0);
        if (positional) { // 二〇二〇, or a single digit
            StringBuilder out = new StringBuilder();
            s.chars().forEach(c -> out.append(digit((char) c)));
            return out.toString();
        }
        long total = 0;
        long section = 0;
        long current = 0;
        for (char c : s.toCharArray()) {
            switch (c) {
                case '十' -> { section += (current == 0 ? 1 : current) * 10; current = 0; }
                case '百' -> { section += (current == 0 ? 1 : current) * 100; current = 0; }
                case '千' -> { section += (current == 0 ? 1 : current) * 1000; current = 0; }
                case '万' -> { total += (section + current) * 10000; section = 0; current = 0; }
                default -> current = digit(c);
            }
        }
        return Long.toString(total + section + current);
    }

    /** Every run of Chinese numerals in a text replaced by digits (for comparing answers, not for indexing). */
    public static String foldAll(String text) {
        Matcher m = RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, toDigits(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A number from 1 to 9999 as it is written in article numbers: 1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五. */
    public static String format(int n) {
        if (n < 1 || n > 9999) {
            throw new IllegalArgumentException(n + " is not between 1 and 9999");
        }
        String digits = "零一二三四五六七八九";
        String[] units = {"", "十", "百", "千"};
        StringBuilder out = new StringBuilder();
        String s = Integer.toString(n);
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            int unit = s.length() - 1 - i;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            if (!(d == 1 && unit == 1 && out.length() == 0)) {
                out.append(digits.charAt(d));
            }
            out.append(units[unit]);
        }
        return out.toString();
    }

    private static int digit(char c) {
        return Math.max(0, ChineseDigits.value(c));
    }
}
