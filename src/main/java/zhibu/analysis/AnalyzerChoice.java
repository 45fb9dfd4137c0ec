package zhibu.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/** The analyzers an index can be built with: ours, and the two Lucene baselines it is measured against. */
public enum AnalyzerChoice {
    HANLP(HanLPAnalyzer::forIndex, HanLPAnalyzer::forQuery),
    BIGRAM(CJKAnalyzer::new, CJKAnalyzer::new),
    SMARTCN(SmartChineseAnalyzer::new, SmartChineseAnalyzer::new);

    private final Supplier<Analyzer> index;
    private final Supplier<Analyzer> query;

    AnalyzerChoice(Supplier<Analyzer> index, Supplier<Analyzer> query) {
        this.index = index;
        this.query = query;
    }

    public Analyzer indexAnalyzer() {
        return index.get();
    }

    public Analyzer queryAnalyzer() {
        return query.get();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnalyzerChoice fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label().equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown analyzer '" + label
                        + "'; choose hanlp, bigram or smartcn"));
    }
}
