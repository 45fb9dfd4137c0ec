package zhibu.search;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
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
    private final Builder builder;

    public RankingQuery(Analyzer queryAnalyzer) {
        this.builder = new Builder(queryAnalyzer);
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
        QueryTokens tokens = q.tokens();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : IndexFields.TEXT_FIELDS) {
            clauses += addField(words, field, tokens, 1f);
        }
        clauses += addField(words, IndexFields.HEADING, tokens, HEADING);
        clauses += addField(words, IndexFields.PATH, tokens, PATH);
        clauses += addField(words, IndexFields.TITLE, tokens, TITLE);
        List<String> terms = withProximity ? terms(tokens, false) : List.of();
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

    /** Any of the words in one field, as BM25 adds them up (synonyms of a word as one term); null when none. */
    public Query fieldQuery(String field, QueryTokens tokens) {
        return builder.any(field, tokens);
    }

    private int addField(BooleanQuery.Builder into, String field, QueryTokens tokens, float boost) {
        Query q = fieldQuery(field, tokens);
        if (q == null) {
            return 0;
        }
        into.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return 1;
    }

    /** Lucene's query builder fed the tokens analysed once instead of analysing the text again for each field. */
    private static final class Builder extends QueryBuilder {
        Builder(Analyzer analyzer) {
            super(analyzer);
        }

        Query any(String field, QueryTokens tokens) {
            try (var stream = tokens.stream()) {
                return createFieldQuery(stream, Occur.SHOULD, field, false, 0);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The question's words by position: each word with its synonyms (支委会, 支部委员会会议, 支部委员会). */
    public List<List<String>> termGroups(QueryTokens tokens) {
        return tokens.positions().stream().map(QueryTokens.Position::forms).toList();
    }

    /**
     * The question's nouns (the segmenter's n…, vn and nz words of two characters or more) by position, each with
     * its synonyms: what a question is about, as against how it asks.
     */
    public List<List<String>> nounGroups(QueryTokens tokens) {
        return tokens.positions().stream()
                .filter(p -> p.forms().get(0).length() > 1 && (p.noun() || p.type().equals("vn")))
                .map(QueryTokens.Position::forms).toList();
    }

    /**
     * The question's noun phrases — runs of adjacent nouns (n…, not vn), each word with its synonyms — that end in
     * a word {@code head} accepts: 中央 + 委员会, 支部 + 党员 + 大会.
     */
    public List<List<List<String>>> nounPhrases(QueryTokens tokens, java.util.function.Predicate<String> head) {
        List<List<List<String>>> phrases = new ArrayList<>();
        List<QueryTokens.Position> run = new ArrayList<>();
        for (QueryTokens.Position p : tokens.positions()) {
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

    private static void close(List<QueryTokens.Position> run, List<List<List<String>>> phrases,
                              java.util.function.Predicate<String> head) {
        if (!run.isEmpty() && head.test(run.get(run.size() - 1).forms().get(0))) {
            phrases.add(run.stream().map(QueryTokens.Position::forms).toList());
        }
        run.clear();
    }

    /** The question's words as the analyzer makes them, with their synonyms when asked. */
    public List<String> terms(QueryTokens tokens, boolean synonyms) {
        List<String> terms = new ArrayList<>();
        tokens.positions().forEach(p -> terms.addAll(synonyms ? p.forms() : p.forms().subList(0, 1)));
        return terms;
    }
}
