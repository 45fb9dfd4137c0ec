package zhibu.eval;

import zhibu.analysis.ChineseNumbers;

/** Texts as compared by the metrics: no whitespace; for exam items also no punctuation and numerals as digits. */
final class TextFolding {
    private TextFolding() {
    }

    static String noSpace(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    static String exam(String s) {
        return ChineseNumbers.foldAll(s.replaceAll("[^\\p{L}\\p{N}]+", ""));
    }
}
