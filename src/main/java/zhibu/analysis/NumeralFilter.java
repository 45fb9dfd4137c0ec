package zhibu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import zhibu.core.ChineseNumbers;

/**
 * A token that is a Chinese number and nothing else (三, 十二, 两, 一百) becomes digits, so 三个人 meets 3人 and
 * 每季度一次 meets 每季度1次. Words that merely contain numerals (一般, 一肩挑, 三会一课, 第一书记) are segmented as
 * words and stay as they are.
 */
public final class NumeralFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    public NumeralFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String digits = ChineseNumbers.toDigits(termAtt.toString());
        if (digits != null) {
            termAtt.setEmpty().append(digits);
        }
        return true;
    }
}
