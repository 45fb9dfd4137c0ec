package zhibu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import zhibu.analysis.DomainDictionary;
import zhibu.index.IndexFields;

/**
 * A question's words as the query analyzer makes them (a token graph: words, their synonyms stacked on them, tags,
 * offsets), analysed once and replayed for every field and every use: the views' queries, the highlights, the answer
 * card's words. The analyzer is field-independent, so one pass serves every field.
 */
public final class QueryTokens {
    /** One token of the graph as the analyzer gave it. */
    private record Token(String term, int increment, int length, String type, int start, int end) {
    }

    /** The token type of a synonym stacked on a word (Lucene's SynonymGraphFilter). */
    private static final String SYNONYM = SynonymGraphFilter.TYPE_SYNONYM;

    /**
     * One position of the analysed text: the word as segmented followed by its synonyms, the segmenter's tag of the
     * word and where the word stands.
     */
    record Position(List<String> forms, String type, int start, int end) {
        boolean noun() {
            // a person's name (nr…) is no matter a rule treats, and the segmenter finds names where there are none
            // (钱谁); nz is the tag of every word of HanLP's general custom dictionary, verbs too (调走): a noun only
            // when it is one of the domain's terms
            return type.startsWith("n") && !type.equals("ng") && !type.startsWith("nr")
                    && (!type.equals("nz") || DomainDictionary.isTerm(forms.get(0)));
        }
    }

    private final Analyzer analyzer;
    private final String text;
    private final List<Token> tokens;
    private final List<Position> positions;

    private QueryTokens(Analyzer analyzer, String text, List<Token> tokens) {
        this.analyzer = analyzer;
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.positions = positionsOf(this.tokens);
    }

    /** The text analysed by the analyzer, once. */
    public static QueryTokens of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(),
                        length.getPositionLength(), type.type(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryTokens(analyzer, text, tokens);
    }

    /** The analyzer that made these tokens: another text (the question less a name it gives) is analysed by it. */
    public Analyzer analyzer() {
        return analyzer;
    }

    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The tokens again, as a fresh stream, for a query builder. */
    public TokenStream stream() {
        return new Replay(tokens);
    }

    /** The positions, each word with the synonyms stacked on it. */
    List<Position> positions() {
        return positions;
    }

    private static List<Position> positionsOf(List<Token> tokens) {
        List<Position> positions = new ArrayList<>();
        for (Token t : tokens) {
            boolean synonym = SYNONYM.equals(t.type());
            if (t.increment() > 0 || positions.isEmpty()) {
                positions.add(new Position(new ArrayList<>(), t.type(), t.start(), t.end()));
            }
            Position at = positions.get(positions.size() - 1);
            if (synonym) {
                at.forms().add(t.term());
            } else { // the word as segmented leads its synonyms, which the filter puts before it
                at.forms().add(0, t.term());
                positions.set(positions.size() - 1, new Position(at.forms(), t.type(), at.start(), at.end()));
            }
        }
        return positions.stream().map(p -> new Position(List.copyOf(p.forms()), p.type(), p.start(), p.end()))
                .toList();
    }

    /** The captured tokens played back with the attributes a query builder reads. */
    private static final class Replay extends TokenStream {
        private final List<Token> tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(List<Token> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.size()) {
                return false;
            }
            clearAttributes();
            Token t = tokens.get(next++);
            term.setEmpty().append(t.term());
            increment.setPositionIncrement(t.increment());
            length.setPositionLength(t.length());
            type.setType(t.type());
            offset.setOffset(t.start(), t.end());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
