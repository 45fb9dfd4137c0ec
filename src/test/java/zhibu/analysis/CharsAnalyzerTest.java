package zhibu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class CharsAnalyzerTest {
    static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("chars", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String written = text.substring(offset.startOffset(), offset.endOffset());
                assertEquals(term.toString(), java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC)
                        .toLowerCase(java.util.Locale.ROOT), "offsets point at the token");
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void charactersAndTheirPairsSoALooseWordingStillMeetsTheRule() throws IOException {
        List<String> t = tokens(new CharsAnalyzer(), "撤掉支部");
        assertTrue(t.containsAll(List.of("撤", "掉", "支", "部", "撤掉", "掉支", "支部")), t.toString());
        assertTrue(tokens(new CharsAnalyzer(), "撤销党支部").contains("撤"), "撤掉 and 撤销 share 撤");
        assertEquals(List.of("32", "学", "学时", "时"), tokens(new CharsAnalyzer(), "32学时"));
    }

    @Test
    void randomTextNeverBreaksTheStream() throws IOException {
        Random random = new Random(3);
        String alphabet = "党支部abcＡ1２ 。，\n\t！";
        CharsAnalyzer analyzer = new CharsAnalyzer();
        for (int round = 0; round < 300; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tokens(analyzer, s.toString());
        }
    }
}
