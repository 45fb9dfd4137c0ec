package zhibu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import zhibu.index.IndexFields;

/**
 * The words view of a question as a Lucene query: BM25 over HanLP words in the text, heading (weighted most), path
 * and title, with pairs of nearby question words rewarded; the same words without proximity make the highlights.
 */
public final class RankingQuery {
    static final float HEADING = 2.0f;
    static final float PATH = 0.6f;
    static final float TITLE = 0.3f;
    /** Weight of each pair of neighbouring question words found within {@link #NEAR_SLOP} positions. */
    static final float NEAR = 0.4f;
    /** A question of more than {@link #LONG_QUESTION} words quotes a rule: word order counts for much more. */
    static final float NEAR_LONG = 5f;
    static final int LONG_QUESTION = 8;
    static final int NEAR_SLOP = 4;
    private final Analyzer analyzer;
    private final QueryBuilder builder;

    public RankingQuery(Analyzer queryAnalyzer) {
        this.analyzer = queryAnalyzer;
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    /** The question's words in every field, without proximity: what highlights are made of. */
    public Query highlightQuery(Question q) {
        return wordsQuery(q, false);
    }

    /** The words part of the ranking; null when no word of the question is searchable. */
    public Query wordsQuery(Question q) {
        return wordsQuery(q, true);
    }

    private Query wordsQuery(Question q, boolean withProximity) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : IndexFields.TEXT_FIELDS) {
            clauses += addField(words, field, q.words(), 1f);
        }
        clauses += addField(words, IndexFields.HEADING, q.words(), HEADING);
        clauses += addField(words, IndexFields.PATH, q.words(), PATH);
        clauses += addField(words, IndexFields.TITLE, q.words(), TITLE);
        List<String> terms = withProximity ? terms(q.words()) : List.of();
        float nearBoost = terms.size() > LONG_QUESTION ? NEAR_LONG : NEAR;
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (!terms.get(i).equals(terms.get(i + 1))) {
                for (String field : IndexFields.TEXT_FIELDS) {
                    PhraseQuery near = new PhraseQuery(NEAR_SLOP, field, terms.get(i), terms.get(i + 1));
                    words.add(new BoostQuery(near, nearBoost), Occur.SHOULD);
                }
            }
        }
        return clauses == 0 ? null : words.build();
    }

    private int addField(BooleanQuery.Builder into, String field, String text, float boost) {
        Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
        if (q == null) {
            return 0;
        }
        into.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return 1;
    }

    /** The question's words as the analyzer makes them, synonyms left out (they sit at the same positions). */
    public List<String> terms(String text) {
        return terms(text, false);
    }

    /** The token type of a synonym stacked on a word (Lucene's SynonymGraphFilter). */
    private static final String SYNONYM = org.apache.lucene.analysis.synonym.SynonymGraphFilter.TYPE_SYNONYM;

    /**
     * One position of the analysed text: the word as segmented followed by its synonyms, the segmenter's tag of the
     * word and where the word stands.
     */
    private record Position(List<String> forms, String type, int start, int end) {
        boolean noun() {
            // a person's name (nr…) is no matter a rule treats, and the segmenter finds names where there are none
            // (钱谁); nz is the tag of every word of HanLP's general custom dictionary, verbs too (调走): a noun only
            // when it is one of the domain's terms
            return type.startsWith("n") && !type.equals("ng") && !type.startsWith("nr")
                    && (!type.equals("nz") || zhibu.analysis.DomainDictionary.isTerm(forms.get(0)));
        }
    }

    /** The text's positions as the analyzer makes them, each word with the synonyms stacked on it. */
    private List<Position> positions(String text) {
        List<Position> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            var posInc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var type = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
            var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                boolean synonym = SYNONYM.equals(type.type());
                if (posInc.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new Position(new ArrayList<>(), type.type(), offset.startOffset(),
                            offset.endOffset()));
                }
                Position at = positions.get(positions.size() - 1);
                if (synonym) {
                    at.forms().add(term.toString());
                } else { // the word as segmented leads its synonyms, which the filter puts before it
                    at.forms().add(0, term.toString());
                    positions.set(positions.size() - 1, new Position(at.forms(), type.type(), at.start(), at.end()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    /** The question's words by position: each word with its synonyms (支委会, 支部委员会会议, 支部委员会). */
    public List<List<String>> termGroups(String text) {
        return positions(text).stream().map(Position::forms).toList();
    }

    /**
     * The question's nouns (the segmenter's n…, vn and nz words of two characters or more) by position, each with
     * its synonyms: what a question is about, as against how it asks.
     */
    public List<List<String>> nounGroups(String text) {
        return positions(text).stream()
                .filter(p -> p.forms().get(0).length() > 1 && (p.noun() || p.type().equals("vn")))
                .map(Position::forms).toList();
    }

    /**
     * The question's noun phrases — runs of adjacent nouns (n…, not vn), each word with its synonyms — that end in
     * a word {@code head} accepts: 中央 + 委员会, 支部 + 党员 + 大会.
     */
    public List<List<List<String>>> nounPhrases(String text, java.util.function.Predicate<String> head) {
        List<List<List<String>>> phrases = new ArrayList<>();
        List<Position> run = new ArrayList<>();
        for (Position p : positions(text)) {
            if (!p.noun() || !run.isEmpty() && run.get(run.size() - 1).end() != p.start()) {
                close(run, phrases, head);
            }
            if (p.noun()) {
                run.add(p);
            }
        }
        close(run, phrases, head);
        return phrases;
    }

    private static void close(List<Position> run, List<List<List<String>>> phrases,
                              java.util.function.Predicate<String> head) {
        if (!run.isEmpty() && head.test(run.get(run.size() - 1).forms().get(0))) {
            phrases.add(run.stream().map(Position::forms).toList());
        }
        run.clear();
    }

    /** The question's words as the analyzer makes them, with their synonyms when asked. */
    public List<String> terms(String text, boolean synonyms) {
        List<String> terms = new ArrayList<>();
        positions(text).forEach(p -> terms.addAll(synonyms ? p.forms() : p.forms().subList(0, 1)));
        return terms;
    }
}
