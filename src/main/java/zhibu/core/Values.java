package zhibu.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values rules state, read from a piece of text: how often (每季度召开1次, 每月相对固定1天) and how much
 * (不少于32学时, 3人至5人, 0.2元－1元, 提前3个月, 1.5%). Numbers written in Chinese that count something (一次, 三个月) are
 * read as digits first ({@link #foldCounts}); 一般 and 三会一课 stay words.
 */
public final class Values {
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern CN_COUNT = Pattern.compile("([一二两三四五六七八九十]+)(?=次|天|个月|名|人|周岁|学时|年)");
    private static final Pattern FREQUENCY = Pattern.compile(
            "每(?:个)?(月|季度|季|半年|年|届)[^，。；0-9]{0,14}?" + NUM + "\\s*(次|天)");
    private static final Pattern RANGE = Pattern.compile(NUM + "\\s*(人|名|元|%)?\\s*[至到—－~-]\\s*" + NUM
            + "\\s*(人|名|元|%)");
    private static final Pattern QUANTITY = Pattern.compile(
            "(不少于|不低于|至少|不超过|不多于|最多|提前)?\\s*" + NUM + "\\s*(人|名|学时|元|%|个月|年|周岁|小时)(以上|以下|以内)?");

    private Values() {
    }

    /** A value found in a text: where it is written, and what it says. */
    public record Found(int start, int end, String text, Frequency frequency, Quantity quantity) {
        /** The value as a secretary reads it: 每季度1次 for a frequency, as written for a number. */
        public String label() {
            return frequency != null ? frequency.label() : text;
        }

        /** Whether this demands more than {@code other} of the same kind (more often, more, earlier, less). */
        public boolean stricterThan(Found other) {
            if (frequency != null && other.frequency != null) {
                return frequency.perYear() > other.frequency.perYear();
            }
            return quantity != null && other.quantity != null && quantity.unit().equals(other.quantity.unit())
                    && quantity.stricterThan(other.quantity);
        }

        /** Whether both state the same kind of thing (two frequencies, or two numbers of one unit). */
        public boolean comparable(Found other) {
            return frequency != null ? other.frequency != null
                    : other.quantity != null && quantity.unit().equals(other.quantity.unit());
        }
    }

    public static Frequency frequency(String part) {
        Found f = findFrequency(part);
        return f == null ? null : f.frequency();
    }

    public static Found findFrequency(String part) {
        Matcher m = FREQUENCY.matcher(part);
        if (!m.find()) {
            return null;
        }
        Period per = Period.ofWord(m.group(1));
        return new Found(m.start(), m.end(), m.group(), new Frequency(per, (int) Double.parseDouble(m.group(2))),
                null);
    }

    /**
     * The first number of a part with its unit and comparator; a range (3人至5人) first. A year of the calendar
     * (2021年) and 每1名 (each) are no quantity; a rate in % counts only when {@code rates} says so (a target rate
     * like 达到90% is no duty of a branch, but is the answer to a question about targets).
     */
    public static Quantity quantity(String part, boolean rates) {
        Found f = findQuantity(part, rates);
        return f == null ? null : f.quantity();
    }

    public static Found findQuantity(String part, boolean rates) {
        Matcher range = RANGE.matcher(part);
        if (range.find() && (rates || !range.group(4).equals("%"))) {
            return new Found(range.start(), range.end(), range.group(), null, new Quantity(Quantity.EXACT,
                    Double.parseDouble(range.group(1)), Double.parseDouble(range.group(3)), range.group(4)));
        }
        Matcher m = QUANTITY.matcher(part);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            String unit = m.group(3);
            if (unit.equals("年") && value >= 1900 || unit.equals("%") && !rates
                    || m.start(2) > 0 && part.charAt(m.start(2) - 1) == '每') {
                continue;
            }
            String before = m.group(1) == null ? "" : m.group(1);
            String after = m.group(4) == null ? "" : m.group(4);
            String comparator = before.matches("不超过|不多于|最多") || after.matches("以下|以内") ? Quantity.MAX
                    : !before.isEmpty() || after.equals("以上") ? Quantity.MIN : Quantity.EXACT;
            return new Found(m.start(), m.end(), m.group().strip(), null, new Quantity(comparator, value, null, unit));
        }
        return null;
    }

    /**
     * The words of {@code text} a value found in {@code foldCounts(text)} was read from, as written (每季度召开一次
     * for the 每季度召开1次 of the folded text): a literal span of the text.
     */
    public static String literal(String text, Found found) {
        int[] original = new int[text.length() * 2 + 2]; // folded position → position in text
        Matcher m = CN_COUNT.matcher(text);
        int folded = 0;
        int at = 0;
        while (m.find()) {
            for (; at < m.start(); at++) {
                original[folded++] = at;
            }
            String digits = ChineseNumbers.toDigits(m.group(1));
            for (int i = 0; i < digits.length(); i++) {
                original[folded++] = m.start();
            }
            at = m.end();
        }
        for (; at <= text.length(); at++) {
            original[folded++] = at;
        }
        int start = original[found.start()];
        int end = original[found.end()]; // the position after the span: after a folded count, the count's end
        return text.substring(start, Math.max(start, end));
    }

    /** 一次 → 1次 where a Chinese number counts something; 一般, 三会一课 stay. Lengths may change. */
    public static String foldCounts(String text) {
        Matcher m = CN_COUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ChineseNumbers.toDigits(m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
