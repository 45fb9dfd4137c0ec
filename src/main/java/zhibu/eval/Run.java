package zhibu.eval;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import zhibu.analysis.AnalyzerChoice;
import zhibu.search.Feature;
import zhibu.search.Fusion;

/**
 * What {@code ./zhibu eval} measures side by side: the Lucene baselines and our HanLP words alone (BM25 over text,
 * heading, path and title), the lexical views fused, the dense views fused, and the full hybrid, which the site
 * serves. The fused runs take their weights from fusion.tsv; {@code --tune} chooses them over the features each may
 * use, and {@code --cv} checks them on questions they were not tuned on.
 */
public enum Run {
    BIGRAM(AnalyzerChoice.BIGRAM, "words", Set.of()),
    SMARTCN(AnalyzerChoice.SMARTCN, "words", Set.of()),
    HANLP(AnalyzerChoice.HANLP, "words", Set.of()),
    LEXICAL(AnalyzerChoice.HANLP, Fusion.LEXICAL, EnumSet.complementOf(EnumSet.of(Feature.DENSE,
            Feature.SENTENCE_DENSE))),
    DENSE(AnalyzerChoice.HANLP, "dense", EnumSet.of(Feature.DENSE, Feature.SENTENCE_DENSE, Feature.PRIOR)),
    HYBRID(AnalyzerChoice.HANLP, Fusion.HYBRID, EnumSet.allOf(Feature.class));

    private final AnalyzerChoice analyzer;
    private final String fusion;
    private final Set<Feature> tunable;

    Run(AnalyzerChoice analyzer, String fusion, Set<Feature> tunable) {
        this.analyzer = analyzer;
        this.fusion = fusion;
        this.tunable = tunable;
    }

    public AnalyzerChoice analyzer() {
        return analyzer;
    }

    public Fusion fusion() {
        return Fusion.of(fusion).named(label());
    }

    /** The column of fusion.tsv this run reads (and --tune --write writes). */
    public String column() {
        return fusion;
    }

    /** The features --tune may weigh; empty for the fixed single-view runs. */
    public Set<Feature> tunable() {
        return tunable;
    }

    public boolean tuned() {
        return !tunable.isEmpty();
    }

    public boolean needsVectors() {
        return tunable.contains(Feature.DENSE);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Run fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown run '" + label
                        + "'; choose from " + String.join(", ", Arrays.stream(values()).map(Run::label).toList())));
    }

    public static List<Run> all() {
        return List.of(values());
    }
}
