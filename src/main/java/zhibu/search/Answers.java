package zhibu.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import zhibu.answer.Answer;
import zhibu.answer.AnswerFinder;
import zhibu.answer.Passage;
import zhibu.answer.Word;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;

/**
 * The answer card of a search: the first clauses' scored sentences handed to the {@link AnswerFinder}, with their
 * documents' 文号; and whether the documents cover the question at all, from how close the best sentence's meaning
 * is to the question and how much of the question's rarer words the answering clause contains.
 */
final class Answers {
    /** The first clauses of a ranking whose sentences the answer and its variants come from. */
    static final int UNITS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RankingQuery words;

    Answers(Analyzer queryAnalyzer) {
        this.words = new RankingQuery(queryAnalyzer);
    }

    /**
     * The answer (null when the documents seem not to cover the question), the evidence weighed for that, and the
     * question's words no document uses.
     */
    record Found(Answer answer, boolean covered, Coverage.Evidence evidence, List<String> absent) {
    }

    Found find(IndexSearcher searcher, Question q, List<Candidate> clauses,
               Map<String, List<Evidence.Sentence>> sentences) throws IOException {
        if (clauses.isEmpty()) {
            return new Found(null, !q.isEmpty(), null, List.of());
        }
        Map<String, String> docNumbers = new HashMap<>();
        List<Passage> passages = new ArrayList<>();
        int rank = 0;
        for (Candidate c : clauses) {
            rank++;
            Document d = searcher.storedFields().document(c.doc);
            JsonNode json = JSON.readTree(d.get(IndexFields.JSON));
            String docId = json.path("docId").asText();
            String docNumber = docNumbers.computeIfAbsent(docId, id -> docNumber(searcher, id));
            List<String> path = new ArrayList<>();
            json.path("path").forEach(n -> path.add(n.asText()));
            for (Evidence.Sentence s : sentences.getOrDefault(c.unitId, List.of())) {
                passages.add(new Passage(c.unitId, docId, json.path("docTitle").asText(), docNumber,
                        status(d), path, s.text(), s.start(), s.end(), s.score(), rank, c.score));
            }
        }
        Answer found = AnswerFinder.find(q.text(), weighted(searcher, q), q.intents(), q.numbers(), passages);
        // a number stated for another body than the one asked of (中央委员会 asked, 总支部委员会 stated) is withheld:
        // the card shows the nearest rule
        String body = found == null ? null : otherBody(q, found.path(), found.sentence());
        Answer answer = body == null || found.value() == null ? found
                : found.nearest("这条规定说的不是“" + body + "”，收录的文件可能没有规定“" + body + "”的这一事项。");
        double cosine = answer == null ? Double.NaN : sentences.getOrDefault(answer.clauseId(), List.of()).stream()
                .filter(s -> s.text().equals(answer.sentence())).mapToDouble(Evidence.Sentence::cosine)
                .findFirst().orElse(Double.NaN);
        String clauseText = answer == null ? "" : searcher.storedFields().document(clauses.stream()
                .filter(c -> c.unitId.equals(answer.clauseId())).findFirst().orElseThrow().doc).get(IndexFields.TEXT);
        Coverage.Evidence evidence = new Coverage.Evidence(cosine, coverage(searcher, q, clauseText),
                !q.intents().isEmpty() && (answer == null || answer.value() == null), absentNoun(searcher, q),
                body != null);
        boolean covered = Coverage.covers(Coverage.model(!Double.isNaN(cosine)), evidence);
        // an uncovered question keeps a card only as the nearest rule on another body, which states no value
        return new Found(covered || answer != null && answer.withheld() != null ? answer : null, covered, evidence,
                absent(searcher, q));
    }

    /**
     * A word that names a body, a meeting, an office or a category of person ({@link BodyNames}): a number stated for
     * one of them is not a number for another (党支部书记's 56学时 is not a 发展对象's).
     */
    private static final java.util.regex.Pattern BODY = java.util.regex.Pattern.compile(
            ".*(" + zhibu.core.BodyNames.BODIES + "|" + zhibu.core.BodyNames.PERSONS + ")");

    /**
     * The body, meeting or office the question names (a noun phrase ending in one) with a word that neither the
     * sentence nor the headings above it have, or null when the sentence speaks of what was asked.
     */
    String otherBody(Question q, List<String> path, String sentence) {
        String where = zhibu.core.ChineseNumbers.foldAll(String.join(" ", path) + " " + sentence);
        for (List<List<String>> phrase : words.nounPhrases(q.tokens(), w -> BODY.matcher(w).matches())) {
            if (phrase.stream().anyMatch(forms -> forms.stream().noneMatch(where::contains)
                    // a rule on 党组织 speaks of every level of them, a 支部 too (not of a 党小组, which is none)
                    && !(forms.get(0).endsWith("支部") && where.contains("党组织")))) {
                return phrase.stream().map(forms -> forms.get(0)).collect(java.util.stream.Collectors.joining());
            }
        }
        return null;
    }

    /** The question's words with their synonyms, each weighed by its rarity in the clauses. */
    private List<Word> weighted(IndexSearcher searcher, Question q) throws IOException {
        List<Word> out = new ArrayList<>();
        for (List<String> forms : words.termGroups(q.tokens())) {
            // a word is as common as its most common form of two characters or more (开 is rare alone, 召开 is not)
            double weight = forms.stream().filter(f -> f.length() > 1).mapToDouble(f -> idf(searcher, f)).min()
                    .orElse(0);
            out.add(new Word(forms, weight));
        }
        return out;
    }

    /**
     * Whether a case's best sentence (closeness {@code cosine}, its case holding {@code coverage} of the question's
     * rarer words) covers the question, by the model the clauses' answers are judged with: the same evidence, a value
     * missing when the question asks how often or how much and the sentence states no such value, another body when
     * it does not speak of the body the question names. No value is read from it.
     */
    boolean caseCovers(Question q, String sentence, double cosine, double coverage, boolean absentNoun) {
        boolean valueMissing = !q.intents().isEmpty() && !AnswerFinder.statesValue(sentence, q.intents());
        return Coverage.covers(Coverage.model(!Double.isNaN(cosine)), new Coverage.Evidence(cosine, coverage,
                valueMissing, absentNoun, otherBody(q, List.of(), sentence) != null));
    }

    /** Whether the question names a thing (a noun, with its synonyms) that no clause or case uses at all. */
    boolean absentNoun(IndexSearcher searcher, Question q) throws IOException {
        for (List<String> forms : words.nounGroups(q.tokens())) {
            if (!used(searcher, forms)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause or case uses the word or a synonym: as a word, or as characters in a row where the segmenter
     * cut the text otherwise (换届提醒 in 换届提醒督促机制, or a question cut wrongly).
     */
    private static boolean used(IndexSearcher searcher, List<String> forms) throws IOException {
        for (String f : forms) {
            if (f.length() < 2 || searcher.getIndexReader().docFreq(new Term(IndexFields.TEXT, f)) > 0
                    || searcher.getIndexReader().docFreq(new Term(IndexFields.CASE_TEXT, f)) > 0
                    || inARow(searcher, f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some unit's text has the word's characters in a row (its character pairs as a phrase). */
    private static boolean inARow(IndexSearcher searcher, String word) throws IOException {
        org.apache.lucene.search.PhraseQuery.Builder pairs = new org.apache.lucene.search.PhraseQuery.Builder();
        for (int i = 0; i + 1 < word.length(); i++) {
            pairs.add(new Term(IndexFields.CHARS, word.substring(i, i + 2)), i);
        }
        return searcher.count(pairs.build()) > 0;
    }

    /**
     * The question's words (two characters or more, synonyms included) that no clause or case uses; a word that only
     * asks for a limit (最少) is how the question asks, not what it is about.
     */
    private List<String> absent(IndexSearcher searcher, Question q) throws IOException {
        List<String> absent = new ArrayList<>();
        for (List<String> forms : words.termGroups(q.tokens())) {
            if (!used(searcher, forms) && !AnswerFinder.asksLimit(forms.get(0))) {
                absent.add(forms.get(0));
            }
        }
        return absent;
    }

    private static double idf(IndexSearcher searcher, String term) {
        try {
            CollectionStatistics stats = searcher.collectionStatistics(IndexFields.TEXT);
            long n = stats == null ? 0 : stats.docCount();
            int df = searcher.getIndexReader().docFreq(new Term(IndexFields.TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The share of the question's words of two characters or more, each weighed by its rarity in the clauses
     * (inverse document frequency), that the text contains in the question's wording or a synonym's (党小组会 or
     * 党小组会议); a word no clause uses weighs most. A single character is no evidence: it is inside many words (链
     * in 产业链 says nothing of 区块链).
     */
    double coverage(IndexSearcher searcher, Question q, String text) throws IOException {
        double total = 0;
        double found = 0;
        String folded = zhibu.core.ChineseNumbers.foldAll(text);
        Set<String> seen = new java.util.HashSet<>();
        for (List<String> forms : words.termGroups(q.tokens())) {
            String word = forms.get(0);
            if (word.length() < 2 || !seen.add(word)) {
                continue;
            }
            double idf = idf(searcher, word);
            total += idf;
            // folding turns 统一 into 统1; the analyzer does not
            if (forms.stream().anyMatch(f -> f.length() > 1 && (text.contains(f) || folded.contains(f)))) {
                found += idf;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** The status of a unit's document as its record stores it (empty: none known). */
    private static String status(Document unit) {
        String status = unit.get(IndexFields.STATUS);
        return status == null || status.isEmpty() ? null : status;
    }

    private static String docNumber(IndexSearcher searcher, String docId) {
        try {
            BooleanQuery query = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, docId)), Occur.FILTER).build();
            ScoreDoc[] top = searcher.search(query, 1).scoreDocs;
            if (top.length == 0) {
                return null;
            }
            JsonNode meta = JSON.readTree(searcher.storedFields().document(top[0].doc).get(IndexFields.JSON));
            return meta.path("docNumber").isNull() || meta.path("docNumber").isMissingNode() ? null
                    : meta.path("docNumber").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
