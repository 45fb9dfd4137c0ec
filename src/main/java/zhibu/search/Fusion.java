package zhibu.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One normalized linear fusion of the views: each view's raw scores (and the quotation evidence) are scaled to 0–1
 * over the candidates of the question (min–max; a unit a view did not find gets 0), the other features are taken
 * as they are, and the score is the weighted sum. The weights of each run (the full hybrid, lexical views alone, dense views alone, and the
 * single-view baselines) are data, in {@code fusion.tsv}, chosen by {@code ./zhibu eval --tune} and checked by
 * cross-validation ({@code --cv}).
 */
public final class Fusion {
    public static final String HYBRID = "hybrid";
    public static final String LEXICAL = "lexical";
    private static final String FILE = "/zhibu/fusion.tsv";
    private static final Map<String, Fusion> RUNS = load();

    private final String name;
    private final double[] weights;

    public Fusion(String name, double[] weights) {
        if (weights.length != Feature.values().length) {
            throw new IllegalArgumentException("a fusion needs one weight per feature");
        }
        this.name = name;
        this.weights = weights.clone();
    }

    /** The run of fusion.tsv of that name. */
    public static Fusion of(String name) {
        Fusion f = RUNS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("fusion.tsv has no run '" + name + "'; it has " + RUNS.keySet());
        }
        return f;
    }

    /** The runs of fusion.tsv, in its column order. */
    public static List<String> names() {
        return List.copyOf(RUNS.keySet());
    }

    public String name() {
        return name;
    }

    public double weight(Feature f) {
        return weights[f.ordinal()];
    }

    /** The same weights under another name (a run's, or a column of fusion.tsv). */
    public Fusion named(String other) {
        return new Fusion(other, weights);
    }

    public Fusion with(Feature f, double weight) {
        double[] w = weights.clone();
        w[f.ordinal()] = weight;
        return new Fusion(name, w);
    }

    /** The views this fusion weighs (the only ones worth running). */
    public Set<Feature> views() {
        Set<Feature> views = EnumSet.noneOf(Feature.class);
        for (Feature f : Feature.VIEWS) {
            if (weight(f) != 0) {
                views.add(f);
            }
        }
        return views;
    }

    public boolean needsVectors() {
        return weight(Feature.DENSE) != 0 || weight(Feature.SENTENCE_DENSE) != 0;
    }

    /** How each view's raw scores map to 0–1 over a set of candidates. */
    record Scaling(double[] min, double[] max) {
        double scale(Feature view, double raw) {
            int i = view.ordinal();
            if (Double.isNaN(raw) || Double.isNaN(min[i])) {
                return 0;
            }
            if (max[i] <= min[i]) {
                return 1;
            }
            return Math.max(0, Math.min(1, (raw - min[i]) / (max[i] - min[i])));
        }
    }

    Scaling scaling(Collection<Candidate> candidates) {
        double[] min = new double[Feature.values().length];
        double[] max = new double[Feature.values().length];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (Candidate c : candidates) {
            for (Feature view : Feature.values()) {
                if (!view.scaled()) {
                    continue;
                }
                double v = c.raw(view);
                int i = view.ordinal();
                if (!Double.isNaN(v)) {
                    min[i] = Double.isNaN(min[i]) ? v : Math.min(min[i], v);
                    max[i] = Double.isNaN(max[i]) ? v : Math.max(max[i], v);
                }
            }
        }
        return new Scaling(min, max);
    }

    /** Scores the candidates and returns them best first (equal scores by wording, then unit id: stably). */
    List<Candidate> rank(Collection<Candidate> candidates) {
        Scaling scaling = scaling(candidates);
        for (Candidate c : candidates) {
            c.score = score(c, scaling);
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingLong(c -> c.wording)
                .thenComparing(c -> c.unitId));
        return ranked;
    }

    double score(Candidate c, Scaling scaling) {
        double score = 0;
        for (Feature f : Feature.values()) {
            double w = weights[f.ordinal()];
            if (w == 0) {
                continue;
            }
            double raw = c.raw(f);
            score += w * (f.scaled() ? scaling.scale(f, raw) : Double.isNaN(raw) ? 0 : raw);
        }
        return score;
    }

    /** A sentence's score from the sentence views alone, on its unit's scale. */
    double sentenceScore(double[] raw, Scaling scaling) {
        double score = 0;
        for (Feature view : Feature.VIEWS) {
            if (view.sentences() && sentenceWeight(view) != 0) {
                score += sentenceWeight(view) * scaling.scale(view, raw[view.ordinal()]);
            }
        }
        return score;
    }

    /** A run without sentence views still picks a unit's sentence: by its words and characters alike. */
    double sentenceWeight(Feature view) {
        boolean any = Feature.VIEWS.stream().anyMatch(v -> v.sentences() && weight(v) != 0);
        return any ? weight(view) : view == Feature.SENTENCE_DENSE ? 0 : 1;
    }

    /** The fusion.tsv text of several runs: one row per feature, one column per run. */
    public static String table(List<Fusion> runs, String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("feature");
        runs.forEach(r -> out.append('\t').append(r.name()));
        out.append('\n');
        for (Feature f : Feature.values()) {
            out.append(f.label());
            for (Fusion r : runs) {
                out.append('\t').append(trim(r.weight(f)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String trim(double w) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", w);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static Map<String, Fusion> load() {
        try (InputStream in = Fusion.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the data file " + FILE.substring(1) + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> names = null;
            Map<String, double[]> weights = new LinkedHashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (names == null) {
                    names = List.of(cols).subList(1, cols.length);
                    names.forEach(n -> weights.put(n, new double[Feature.values().length]));
                    continue;
                }
                Feature f = Feature.fromLabel(cols[0]);
                for (int i = 1; i < cols.length && i <= names.size(); i++) {
                    weights.get(names.get(i - 1))[f.ordinal()] = Double.parseDouble(cols[i]);
                }
            }
            Map<String, Fusion> runs = new LinkedHashMap<>();
            weights.forEach((n, w) -> runs.put(n, new Fusion(n, w)));
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
