package zhibu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw extracted text into clean paragraphs: page-number footers and headers go, wrapped visual lines
 * are joined back into paragraphs, Markdown emphasis goes, full-width digits and letters become half-width,
 * the spaces a PDF puts between Chinese and digits are folded, and 抄送/印发 lines are set apart.
 */
public final class TextNormalizer {
    /** A numbering label that starts a new paragraph: 第一条, 一、, （一）, 1. 1、, （1）, ——, 附件. */
    static final Pattern LABEL = Pattern.compile(
            "^(第[一二三四五六七八九十百零〇\\d]+[编章节条](?=\\s|$|[“‘「『《〈（(【])|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
                    + "|\\d{1,2}[.．、](?!\\d)|[（(]\\d{1,2}[）)]|[①-⑳]|——|附件)");
    private static final List<Pattern> PAGE_MARKS = List.of(
            Pattern.compile("^[—–\\-－─﹣]+\\s*\\d{1,4}\\s*[—–\\-－─﹣]+$"),
            Pattern.compile("^(共\\s*\\d{1,4}\\s*页\\s*[,，]?\\s*)?第\\s*\\d{1,4}\\s*页(\\s*[,，、]?\\s*共\\s*\\d{1,4}\\s*页)?$"),
            Pattern.compile("^\\d{1,4}\\s*[/／]\\s*\\d{1,4}$"),
            Pattern.compile("^(Page|page|PAGE)\\s*\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?$"),
            Pattern.compile("^\\d{1,4}$"));
    private static final String PAGE_DASHES = "—–─";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-*+•·▪]\\s+");
    /** Bounded, so a line of a million underscores is one pass, not a search from every underscore to the end. */
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("__(\\S(?:[^\\n]{0,200}?\\S)?)__");
    private static final Pattern TRAILER = Pattern.compile(
            "^(抄送|抄报|主题词)\\s*[：:]|\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*印\\s*发|^（共印\\d+份）$");
    private static final String CLOSERS = "”’\"'）)】」』》〕]";
    private static final String TERMINALS = "。！？；：!?;:…";
    private static final String OPEN_ENDS = "，、,（(《“‘〔[—";
    private static final String PAIR_OPENERS = "“‘（(《〔[【";
    private static final String PAIR_CLOSERS = "”’）)》〕]】";
    /** An opening quote or bracket further back than this is a typo, not a quotation still open. */
    private static final int NEAR_END = 60;
    private static final Pattern SPACE_HAN_DIGIT = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\d)|(?<=\\d)\\s+(?=\\p{IsHan})");
    /** Tried only where a run of spaces starts ((?<!\\s)), and never backtracking into it (\\s++): linear. */
    private static final Pattern SPACE_NEAR_CJK_PUNCT = Pattern.compile(
            "(?<!\\s)\\s++(?=[\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’—…])|(?<=[\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’—…])\\s++");
    private static final Pattern DECIMAL_POINT = Pattern.compile("(?<=\\d)．(?=\\d)");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    /** The longest line that can still be a heading rather than a wrapped line, in CJK characters. */
    private static final double MAX_HEADING_WIDTH = 40;

    public NormalizedText normalize(RawText raw) {
        List<Paragraph> lines = cleanLines(raw.text());
        List<Paragraph> paragraphs = raw.format().visualLines() ? joinVisualLines(lines) : lines;
        List<Paragraph> body = new ArrayList<>();
        List<String> trailer = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            Paragraph folded = new Paragraph(foldSpaces(p.text()), p.headingLevel());
            if (!p.isHeading() && TRAILER.matcher(folded.text()).find()) {
                trailer.add(folded.text());
            } else {
                body.add(folded);
            }
        }
        return new NormalizedText(body, trailer);
    }

    private static List<Paragraph> cleanLines(String text) {
        List<Paragraph> lines = new ArrayList<>();
        for (String rawLine : text.split("\\R")) {
            String line = halfWidth(rawLine).strip();
            if (line.isEmpty() || isPageMark(line)) {
                continue;
            }
            line = withoutTrailingPageMark(line);
            int level = 0;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                level = heading.group(1).length();
                line = heading.group(2);
            }
            line = UNDERSCORE_EMPHASIS.matcher(line.replace("**", "")).replaceAll("$1");
            if (level == 0) {
                line = BULLET.matcher(line).replaceFirst("");
            }
            line = line.strip();
            if (!line.isEmpty() && !isPageMark(line)) {
                lines.add(new Paragraph(line, level));
            }
        }
        return lines;
    }

    /**
     * The line without a page number printed after its text ("…确保按期换届。 — 3 —"), read from the end in one
     * pass: spaces, a dash, spaces, one to four digits, spaces, a dash, spaces.
     */
    static String withoutTrailingPageMark(String line) {
        int i = line.length();
        i = skipSpaces(line, i);
        if (i == 0 || PAGE_DASHES.indexOf(line.charAt(i - 1)) < 0) {
            return line;
        }
        i = skipSpaces(line, i - 1);
        int digits = 0;
        while (i > 0 && Character.isDigit(line.charAt(i - 1)) && line.charAt(i - 1) < 0x80) {
            i--;
            digits++;
        }
        if (digits < 1 || digits > 4) {
            return line;
        }
        i = skipSpaces(line, i);
        if (i == 0 || PAGE_DASHES.indexOf(line.charAt(i - 1)) < 0) {
            return line;
        }
        return line.substring(0, skipSpaces(line, i - 1));
    }

    private static int skipSpaces(String s, int end) {
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static boolean isPageMark(String line) {
        for (Pattern p : PAGE_MARKS) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Full-width digits and letters to ASCII; every kind of space to a plain one; invisible marks removed. */
    static String halfWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                // invisible: drop
            } else if (Character.isSpaceChar(c) || c == '\t') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Joins visual lines broken mid-sentence; keeps breaks after sentence ends, headings and before labels. */
    private static List<Paragraph> joinVisualLines(List<Paragraph> lines) {
        LineWidths widths = LineWidths.of(lines);
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        String lastLine = null;
        for (Paragraph line : lines) {
            if (line.isHeading()) {
                flush(paragraphs, current);
                current = null;
                paragraphs.add(line);
                continue;
            }
            if (current != null && continues(current, lastLine, line.text(), widths)) {
                if (isAsciiWordChar(current.charAt(current.length() - 1)) && isAsciiWordChar(line.text().charAt(0))) {
                    current.append(' ');
                }
                current.append(line.text());
            } else {
                flush(paragraphs, current);
                current = new StringBuilder(line.text());
            }
            lastLine = line.text();
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<Paragraph> paragraphs, StringBuilder current) {
        if (current != null) {
            paragraphs.add(new Paragraph(current.toString(), 0));
        }
    }

    /**
     * Whether {@code next} continues the paragraph so far, whose last visual line is {@code line}.
     * Printed paragraphs start indented, so a sentence that ends exactly at the right margin goes on when
     * the next line is full width too.
     */
    static boolean continues(CharSequence paragraph, String line, String next, LineWidths widths) {
        if (insideOpenPair(paragraph)) {
            return true;
        }
        if (LABEL.matcher(next).find() || TRAILER.matcher(next).find()) {
            return false;
        }
        char last = lastSignificant(line);
        if (TERMINALS.indexOf(last) >= 0) {
            return widths.isFull(line) && widths.isFull(next);
        }
        if (OPEN_ENDS.indexOf(last) >= 0 || readsAsProse(line)) {
            return true;
        }
        return widths.width(line) >= widths.shortLimit();
    }

    /** Whether the text ends inside quotation marks or brackets opened near its end. */
    private static boolean insideOpenPair(CharSequence text) {
        int from = Math.max(0, text.length() - NEAR_END);
        for (int i = text.length() - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (PAIR_CLOSERS.indexOf(c) >= 0) {
                return false;
            }
            if (PAIR_OPENERS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Sentence punctuation inside the line (not a heading), or a comma in a line that carries no label. */
    private static boolean readsAsProse(String line) {
        String inner = line.substring(0, line.length() - 1);
        return inner.indexOf('。') >= 0 || inner.indexOf('；') >= 0
                || ((inner.indexOf('，') >= 0 || inner.indexOf('：') >= 0) && !LABEL.matcher(line).find());
    }

    private static char lastSignificant(String line) {
        int i = line.length() - 1;
        while (i > 0 && CLOSERS.indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return line.charAt(i);
    }

    /** How wide the lines of one document run: full lines reach the margin, short ones can be headings. */
    record LineWidths(double full, double shortLimit) {
        /** Documents whose lines run wider than this were not wrapped at a margin at all. */
        private static final double MAX_MARGIN = 60;

        static LineWidths of(List<Paragraph> lines) {
            double[] sorted = lines.stream().filter(l -> !l.isHeading()).mapToDouble(l -> TextNormalizer.width(l.text())).sorted().toArray();
            if (sorted.length == 0) {
                return new LineWidths(0, 0);
            }
            double p80 = sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * 0.8))];
            double p90 = sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * 0.9))];
            return new LineWidths(p90, Math.min(0.8 * p80, MAX_HEADING_WIDTH));
        }

        boolean isFull(String line) {
            return full <= MAX_MARGIN && TextNormalizer.width(line) >= full - 1.5;
        }

        double width(String line) {
            return TextNormalizer.width(line);
        }
    }

    /** Display width in CJK characters: ASCII counts half. */
    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x80 ? 0.5 : 1;
        }
        return w;
    }

    private static boolean isAsciiWordChar(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    static String foldSpaces(String s) {
        String folded = DECIMAL_POINT.matcher(SPACE_HAN_DIGIT.matcher(s).replaceAll("")).replaceAll(".");
        folded = SPACE_NEAR_CJK_PUNCT.matcher(folded).replaceAll("");
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }


}
