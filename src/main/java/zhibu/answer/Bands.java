package zhibu.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The band of numbers a sentence is about, as rules that go by bands write it (党费 by income: 3000元以下,
 * 3000元以上至5000元, 10000元以上; 党员50人以上、100人以下): so a question naming a number (工资8000) finds the
 * band it falls in. A bound written with （含…） includes itself; otherwise 以上 starts above and 以下 ends at it.
 */
public final class Bands {
    private static final String N = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "\\s*(?:元|人|名)?\\s*";
    private static final Pattern BETWEEN = Pattern.compile(N + UNIT + "以上\\s*[至到、，,]?\\s*" + N + UNIT
            + "(?:（含[^）]*）)?\\s*(?:以下)?");
    private static final Pattern BELOW = Pattern.compile(N + UNIT + "(?:（含[^）]*）)?\\s*以下");
    private static final Pattern ABOVE = Pattern.compile(N + UNIT + "以上");

    private Bands() {
    }

    /** Whether the sentence states a band and the number lies in it. */
    static boolean contains(String sentence, double number) {
        Matcher between = BETWEEN.matcher(sentence);
        if (between.find()) {
            return number > Double.parseDouble(between.group(1)) && number <= Double.parseDouble(between.group(2));
        }
        Matcher below = BELOW.matcher(sentence);
        if (below.find()) {
            return number <= Double.parseDouble(below.group(1));
        }
        Matcher above = ABOVE.matcher(sentence);
        return above.find() && number > Double.parseDouble(above.group(1));
    }

    /**
     * The bands a text lists, one piece each (党费: 3000元以下（含3000元）者，交纳月工资收入的0.5%; …), or none when it
     * lists fewer than three: the rows of a table.
     */
    public static java.util.List<String> rows(String text) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (String piece : text.split("[；;。]")) {
            String p = piece.strip();
            int colon = p.indexOf('：');
            if (colon >= 0 && states(p.substring(colon + 1))) {
                p = p.substring(colon + 1).strip();
            }
            if (!p.isEmpty() && states(p)) {
                rows.add(p);
            }
        }
        return rows.size() >= 3 ? java.util.List.copyOf(rows) : java.util.List.of();
    }

    /** Whether the sentence states a band at all. */
    public static boolean states(String sentence) {
        return BETWEEN.matcher(sentence).find() || BELOW.matcher(sentence).find() || ABOVE.matcher(sentence).find();
    }
}
