package zhibu.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Whether a text states a frequency (每季度1次, 每年至少) or an amount (不少于200元, 3人以上). */
public final class Traits {
    public static final String FREQUENCY = "frequency";
    public static final String AMOUNT = "amount";
    private static final String NUM = "(?:\\d+|[一二两三四五六七八九十半])";
    private static final Pattern FREQUENCY_WORDS = Pattern.compile(
            "每(?:年|月|季度|半年|周|星期|学期|届|两年|" + NUM + "(?:年|个月|周))|" + NUM + "次|定期|随时|届满|提前" + NUM);
    private static final Pattern AMOUNT_WORDS = Pattern.compile(
            NUM + "\\s*(?:元|人|名|%|％|学时|小时|个月|天|岁|倍|万)|不少于|不低于|不超过|以上|以下|人均");

    private Traits() {
    }

    public static List<String> of(String text) {
        List<String> traits = new ArrayList<>(2);
        if (FREQUENCY_WORDS.matcher(text).find()) {
            traits.add(FREQUENCY);
        }
        if (AMOUNT_WORDS.matcher(text).find()) {
            traits.add(AMOUNT);
        }
        return traits;
    }
}
