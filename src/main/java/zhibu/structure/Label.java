package zhibu.structure;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A numbering label at the start of a paragraph: its kind, the label as printed, its number, the text after it. */
public record Label(LabelKind kind, String printed, int ordinal, String rest) {
    private static final String CN = "[一二三四五六七八九十百零〇]+";
    private static final Pattern CHAPTER = Pattern.compile("^(第(" + CN + "|\\d+)章)\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^(第(" + CN + "|\\d+)节)\\s*(.*)$");
    /** 第X条 then a space, or a quotation or title mark (the normalizer drops the space before one). */
    private static final Pattern ARTICLE = Pattern.compile("^(第(" + CN + "|\\d+)条)(?:\\s+|$|(?=[“‘「『《〈（(【]))(.*)$");
    private static final Pattern CN_TOP = Pattern.compile("^((" + CN + ")、)\\s*(.*)$");
    private static final Pattern CN_PAREN = Pattern.compile("^([（(](" + CN + ")[）)])\\s*(.*)$");
    private static final Pattern ARABIC = Pattern.compile("^((\\d{1,2})[.．、])(?!\\d)\\s*(.*)$");
    private static final Pattern ARABIC_PAREN = Pattern.compile("^([（(](\\d{1,2})[）)])\\s*(.*)$");
    private static final Pattern DASH = Pattern.compile("^(——)\\s*()(.*)$");
    private static final Pattern ATTACHMENT = Pattern.compile("^(附\\s*件\\s*(\\d{1,2}|" + CN + ")?)$");

    public static Optional<Label> parse(String paragraph) {
        Matcher m = ATTACHMENT.matcher(paragraph.strip());
        if (m.matches()) {
            return Optional.of(new Label(LabelKind.ATTACHMENT, m.group(1).replaceAll("\\s+", ""),
                    m.group(2) == null ? 1 : number(m.group(2)), ""));
        }
        for (var entry : new Object[][] {{LabelKind.CHAPTER, CHAPTER}, {LabelKind.SECTION, SECTION},
                {LabelKind.ARTICLE, ARTICLE}, {LabelKind.CN_TOP, CN_TOP}, {LabelKind.CN_PAREN, CN_PAREN},
                {LabelKind.ARABIC, ARABIC}, {LabelKind.ARABIC_PAREN, ARABIC_PAREN}, {LabelKind.DASH, DASH}}) {
            m = ((Pattern) entry[1]).matcher(paragraph);
            if (m.matches()) {
                int ordinal = m.group(2).isEmpty() ? 0 : number(m.group(2));
                return Optional.of(new Label((LabelKind) entry[0], m.group(1), ordinal, m.group(3).strip()));
            }
        }
        return Optional.empty();
    }

    /** Digits or a Chinese number below a thousand (十二, 四十六, 一百零二). */
    public static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') {
                d = 0;
            }
            if (d >= 0) {
                current = d;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
        }
        return total + current;
    }
}
