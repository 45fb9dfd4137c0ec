package zhibu.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's text cut into sentences, in one linear pass: a sentence ends after 。！？；!? or at a line break. A piece
 * too short to stand alone (a clause's heading, "谈心谈话。") joins the sentence after it; a sentence longer than
 * {@value #MAX_CHARS} characters is cut after the last comma before that length, so every piece stays a readable,
 * comparable unit of evidence.
 */
public final class Sentences {
    static final int MIN_CHARS = 8;
    static final int MAX_CHARS = 160;

    private Sentences() {
    }

    public static List<Sentence> of(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
            if (c == '\n' || end) {
                addSpan(text, start, end ? i + 1 : i, spans);
                start = i + 1;
            }
        }
        addSpan(text, start, text.length(), spans);
        List<int[]> merged = new ArrayList<>();
        int[] pending = null;
        for (int[] span : spans) {
            if (pending != null) {
                span = new int[] {pending[0], span[1]};
                pending = null;
            }
            if (letters(text, span[0], span[1]) < MIN_CHARS) {
                pending = span;
            } else {
                merged.add(span);
            }
        }
        if (pending != null) {
            if (merged.isEmpty()) {
                merged.add(pending);
            } else {
                int[] last = merged.remove(merged.size() - 1);
                merged.add(new int[] {last[0], pending[1]});
            }
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int[] span : merged) {
            cutLong(text, span[0], span[1], sentences);
        }
        return sentences;
    }

    private static void cutLong(String text, int start, int end, List<Sentence> out) {
        while (end - start > MAX_CHARS) {
            int cut = -1;
            for (int i = start + MAX_CHARS - 1; i > start + MIN_CHARS; i--) {
                char c = text.charAt(i);
                if (c == '，' || c == ',' || c == '：' || c == '、') {
                    cut = i + 1;
                    break;
                }
            }
            if (cut < 0) {
                cut = start + MAX_CHARS;
            }
            add(text, start, cut, out);
            start = skipSpace(text, cut, end);
        }
        add(text, start, end, out);
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(out.size(), start, end, text.substring(start, end)));
        }
    }

    private static void addSpan(String text, int start, int end, List<int[]> spans) {
        start = skipSpace(text, start, end);
        if (letters(text, start, end) > 0) {
            spans.add(new int[] {start, end});
        }
    }

    private static int skipSpace(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int letters(String text, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
