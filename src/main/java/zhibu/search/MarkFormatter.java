package zhibu.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Passages as HTML: every character of source text escaped, matches wrapped in {@code <mark>}, gaps as …. */
final class MarkFormatter extends PassageFormatter {
    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > pos) {
                out.append('…');
            }
            pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(pos, passage.getMatchStarts()[i]);
                int end = passage.getMatchEnds()[i];
                if (end <= start) {
                    continue;
                }
                escape(content, pos, start, out);
                out.append("<mark>");
                escape(content, start, end, out);
                out.append("</mark>");
                pos = end;
            }
            escape(content, pos, Math.max(pos, passage.getEndOffset()), out);
            pos = Math.max(pos, passage.getEndOffset());
        }
        if (pos < content.length()) {
            out.append('…');
        }
        return out.toString();
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), out);
        return out.toString();
    }
}
