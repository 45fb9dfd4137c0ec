package zhibu.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the bundled documents cover a question: a logistic model over the evidence of its answer — how close the
 * answer sentence's meaning is to the question (cosine), how much of the question's rarer words the answering
 * clause contains, whether the question asks how often or how much while no first clause states such a value, and
 * whether it names a thing (a noun) no clause or case uses at all (国籍, 公章, 候选人), and whether it names a body,
 * meeting or office the answering sentence does not speak of (中央委员会 asked, 基层委员会 stated).
 * Its coefficients are data ({@code coverage.tsv}, one column for searches with vectors and one without), fitted by
 * {@code ./zhibu eval --calibrate} on questions the documents answer and questions they do not, with the threshold
 * that keeps nine in ten answered questions covered: telling a secretary that her ordinary question may not be
 * covered costs more than missing some questions the documents do not answer.
 */
public final class Coverage {
    public static final String[] FEATURES = {"intercept", "cosine", "coverage", "value-missing", "absent-noun",
            "other-body"};
    /** The row of coverage.tsv after the coefficients: the probability at or above which a question is covered. */
    public static final String THRESHOLD = "threshold";
    private static final String FILE = "/zhibu/coverage.tsv";
    private static final Map<String, double[]> MODELS = load();

    /** The evidence one question's answer gives; cosine is NaN without vectors. */
    public record Evidence(double cosine, double coverage, boolean valueMissing, boolean absentNoun,
                           boolean otherBody) {
        /** The features in the model's order, with a 1 for the intercept. */
        public double[] features() {
            return new double[] {1, Double.isNaN(cosine) ? 0 : cosine, coverage, valueMissing ? 1 : 0,
                    absentNoun ? 1 : 0, otherBody ? 1 : 0};
        }
    }

    private Coverage() {
    }

    /** The model for searches with vectors ({@code hybrid}) or without ({@code lexical}): coefficients, threshold. */
    public static double[] model(boolean vectors) {
        return MODELS.get(vectors ? "hybrid" : "lexical");
    }

    public static double probability(double[] model, Evidence evidence) {
        double[] x = evidence.features();
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += model[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the evidence says the documents cover the question. */
    public static boolean covers(double[] model, Evidence evidence) {
        return probability(model, evidence) >= model[FEATURES.length];
    }

    /** The coverage.tsv text of two models. */
    public static String table(double[] hybrid, double[] lexical, String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("feature\thybrid\tlexical\n");
        for (int i = 0; i <= FEATURES.length; i++) {
            out.append(i < FEATURES.length ? FEATURES[i] : THRESHOLD).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", hybrid[i])).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", lexical[i])).append('\n');
        }
        return out.toString();
    }

    private static Map<String, double[]> load() {
        try (InputStream in = Coverage.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the data file " + FILE.substring(1) + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, double[]> models = new LinkedHashMap<>();
            String[] names = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (names == null) {
                    names = cols;
                    for (int i = 1; i < cols.length; i++) {
                        models.put(cols[i], new double[FEATURES.length + 1]);
                    }
                    continue;
                }
                int f = cols[0].equals(THRESHOLD) ? FEATURES.length : java.util.Arrays.asList(FEATURES).indexOf(cols[0]);
                if (f < 0) {
                    throw new IllegalStateException("coverage.tsv names an unknown feature '" + cols[0] + "'");
                }
                for (int i = 1; i < cols.length; i++) {
                    models.get(names[i])[f] = Double.parseDouble(cols[i]);
                }
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
