package zhibu.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Chinese text as single characters and character bigrams (Lucene's CJK bigrams, unigrams kept), the loose lexical
 * view: a wording that shares no whole word with a rule still shares its characters (撤掉 and 撤销 share 撤) and
 * often its character pairs. Width folded, Latin lower-cased; no dictionary, no stop words.
 */
public final class CharsAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
