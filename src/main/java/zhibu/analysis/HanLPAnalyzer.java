package zhibu.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * HanLP words with the domain dictionary, numbers as digits, Latin lower-cased. The index flavour adds the words
 * inside long words (index mode) at the same position. The query flavour keeps words whole, drops question words
 * and expands synonyms and abbreviations (as a token graph, so offsets and positions stay true).
 */
public final class HanLPAnalyzer extends Analyzer {
    private enum Flavour { INDEX, WORDS, QUERY }

    private final Flavour flavour;

    private HanLPAnalyzer(Flavour flavour) {
        this.flavour = flavour;
        DomainDictionary.load();
    }

    public static HanLPAnalyzer forIndex() {
        return new HanLPAnalyzer(Flavour.INDEX);
    }

    public static HanLPAnalyzer forQuery() {
        return new HanLPAnalyzer(Flavour.QUERY);
    }

    /** Whole words only, one per position: what the synonym file's entries are cut into. */
    static HanLPAnalyzer wordsOnly() {
        return new HanLPAnalyzer(Flavour.WORDS);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HanLPTokenizer(flavour == Flavour.INDEX);
        TokenStream stream = new LowerCaseFilter(new NumeralFilter(tokenizer));
        if (flavour == Flavour.QUERY) {
            stream = new StopFilter(stream, QuestionWords.get().stopSet());
            stream = new SynonymGraphFilter(stream, Synonyms.map(), true);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
