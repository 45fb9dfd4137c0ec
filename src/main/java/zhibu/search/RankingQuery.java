package zhibu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import zhibu.analysis.QuestionWords;
import zhibu.index.IndexFields;
import zhibu.index.Traits;
import zhibu.core.BranchType;

/**
 * A question as a Lucene query: BM25 over text, heading, path and title (heading weighted most), pairs of nearby
 * query words rewarded; the score is then multiplied up for units of the places and branch types the question
 * names and for units stating the kind of answer it wants, and by the unit's prior (heading-only clauses and
 * superseded documents lower).
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
    /** Multipliers for units of a place or branch type the question names, or that state what it asks for. */
    static final float PLACE = 1.8f;
    static final float BRANCH_TYPE = 1.3f;
    static final float INTENT = 1.3f;

    /** A question naming more types than this lists them all and steers towards none. */
    static final int STEERING_TYPES = 2;

    private final Analyzer analyzer;
    private final QueryBuilder builder;

    public RankingQuery(Analyzer queryAnalyzer) {
        this.analyzer = queryAnalyzer;
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    /** The question's words in every field, without proximity: what highlights are made of. */
    public Query highlightQuery(ParsedQuestion q) {
        return wordsQuery(q, false);
    }

    /** The words part of the ranking; null when no word of the question is searchable. */
    public Query wordsQuery(ParsedQuestion q) {
        return wordsQuery(q, true);
    }

    private Query wordsQuery(ParsedQuestion q, boolean withProximity) {
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

    public Query build(ParsedQuestion q) {
        Query words = wordsQuery(q);
        if (words == null) {
            return null;
        }
        Query ranked = words;
        if (!q.places().isEmpty()) {
            ranked = FunctionScoreQuery.boostByQuery(ranked, anyOf(IndexFields.PLACE, q.places()), PLACE);
        }
        if (!q.branchTypes().isEmpty() && q.branchTypes().size() <= STEERING_TYPES) { // a list of many is "all"
            ranked = FunctionScoreQuery.boostByQuery(ranked,
                    anyOf(IndexFields.SPECIFIC_TYPE, BranchType.labels(q.branchTypes())), BRANCH_TYPE);
        }
        if (q.intents().contains(QuestionWords.Intent.FREQUENCY)) {
            ranked = FunctionScoreQuery.boostByQuery(ranked, new TermQuery(new Term(IndexFields.TRAIT,
                    Traits.FREQUENCY)), INTENT);
        }
        if (q.intents().contains(QuestionWords.Intent.AMOUNT)) {
            ranked = FunctionScoreQuery.boostByQuery(ranked, new TermQuery(new Term(IndexFields.TRAIT,
                    Traits.AMOUNT)), INTENT);
        }
        return FunctionScoreQuery.boostByValue(ranked, DoubleValuesSource.fromFloatField(IndexFields.PRIOR));
    }

    private int addField(BooleanQuery.Builder into, String field, String text, float boost) {
        Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
        if (q == null) {
            return 0;
        }
        into.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return 1;
    }

    private static Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return any.build();
    }

    /** The question's words as the analyzer makes them, synonyms left out (they sit at the same positions). */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            var posInc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (posInc.getPositionIncrement() > 0) {
                    terms.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
