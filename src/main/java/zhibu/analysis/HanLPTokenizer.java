package zhibu.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Words by HanLP's standard segmenter (dictionary + Viterbi, as {@code StandardTokenizer}; the portable jar has no
 * CRF or perceptron models). Whitespace and punctuation give no token. In index mode a long word is followed by the
 * words inside it at the same position (党支部书记 → 党支部书记, 党支部, 支部书记, 支部, 书记), so a question using a
 * shorter form still finds it. Offsets come from HanLP and pass through {@link #correctOffset}.
 */
public final class HanLPTokenizer extends Tokenizer {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final Segment segment;
    private final StringBuilder buffer = new StringBuilder();
    private String text = "";
    private Iterator<Term> terms = List.<Term>of().iterator();
    private int coveredTo;
    private int finalOffset;

    public HanLPTokenizer(boolean indexMode) {
        DomainDictionary.load();
        this.segment = HanLP.newSegment().enableOffset(true).enableIndexMode(indexMode);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        buffer.setLength(0);
        char[] chunk = new char[4096];
        for (int n; (n = input.read(chunk)) > 0; ) {
            buffer.append(chunk, 0, n);
        }
        text = buffer.toString();
        terms = text.isEmpty() ? List.<Term>of().iterator() : segment.seg(text).iterator();
        coveredTo = 0;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public boolean incrementToken() {
        while (terms.hasNext()) {
            Term term = terms.next();
            String word = term.word;
            if (!hasLetterOrDigit(word)) {
                continue;
            }
            int start = Math.min(term.offset, text.length());
            int end = Math.min(text.length(), start + word.length());
            clearAttributes();
            termAtt.setEmpty().append(word);
            posIncAtt.setPositionIncrement(end <= coveredTo ? 0 : 1); // a word inside the word before it
            coveredTo = Math.max(coveredTo, end);
            offsetAtt.setOffset(correctOffset(start), correctOffset(end));
            typeAtt.setType(term.nature == null ? "word" : term.nature.toString());
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        text = "";
        terms = List.<Term>of().iterator();
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
