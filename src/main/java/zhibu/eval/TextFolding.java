package zhibu.eval;

import java.text.Normalizer;
import zhibu.core.ChineseNumbers;

/**
 * Texts as compared by the metrics: compatibility forms folded (NFKC: full-width 1．5％ is 1.5%, as ingestion
 * writes it), no whitespace; for exam items also no punctuation and numerals as digits.
 */
public final class TextFolding {
    private TextFolding() {
    }

    public static String noSpace(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }

    public static String exam(String s) {
        return ChineseNumbers.foldAll(Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[^\\p{L}\\p{N}]+", ""));
    }
}
