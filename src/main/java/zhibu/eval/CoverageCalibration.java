package zhibu.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.index.UnitKind;
import zhibu.search.Coverage;
import zhibu.search.Quotation;
import zhibu.search.SearchService;

/**
 * Fits the {@link Coverage} model: a logistic regression, each class weighed equally, and the threshold that keeps
 * {@value #KEEP} of the answered questions covered, on questions the bundled
 * documents answer (the clause questions of the TSV sets, and the exam items marked answerable) and questions they
 * do not (the branch-related exam items marked not answerable). An exam item becomes a question by asking for its
 * blank: 多少 where the answer is a number, 什么 otherwise (“…不少于（）学时” → “…不少于多少学时”).
 */
public final class CoverageCalibration {
    static final int ITERATIONS = 5000;
    static final double RATE = 0.5;
    static final double L2 = 1e-3;
    /** The share of answered questions the threshold keeps covered. */
    static final double KEEP = 0.9;
    private static final Pattern NUMBER = Pattern.compile(
            "[0-9０-９一二两三四五六七八九十百千万.．]+\\s*(个月|年|人|名|次|天|元|学时|周岁|%|％)?");

    /** One question, whether the documents answer it, and its evidence. */
    public record Example(String question, boolean covered, Coverage.Evidence evidence) {
    }

    /** The result: coefficients, and how many of each class they tell right, in-sample and cross-validated. */
    public record Fit(double[] model, double coveredRight, double uncoveredRight, double cvCoveredRight,
                      double cvUncoveredRight, int covered, int uncovered) {
    }

    private CoverageCalibration() {
    }

    /** The calibration questions of the sets: clause questions of TSV sets, exam items of JSONL sets. */
    public static List<String[]> questions(List<Path> files) throws IOException {
        List<String[]> out = new ArrayList<>(); // {question, "1" covered / "0" not}
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            if (QuerySets.isExam(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode item = json.readTree(line);
                    if (!item.path("branch_related").asBoolean()) {
                        continue;
                    }
                    String answer = item.path("answer_text").asText(item.path("answer").asText());
                    out.add(new String[] {asQuestion(item.path("question").asText(), answer),
                            item.path("answerable").asBoolean() ? "1" : "0"});
                }
            } else {
                for (EvalQuery q : QuerySets.read(file)) {
                    if (q.kind() == UnitKind.CLAUSE) {
                        out.add(new String[] {q.question(), q.answerable() ? "1" : "0"});
                    }
                }
            }
        }
        return out;
    }

    static String asQuestion(String item, String answer) {
        Matcher blank = Quotation.BLANK.matcher(item);
        String ask = NUMBER.matcher(answer.strip()).matches() ? "多少" : "什么";
        return blank.find() ? item.substring(0, blank.start()) + ask + item.substring(blank.end()) : item;
    }

    public static List<Example> examples(SearchService search, List<String[]> questions) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String[] q : questions) {
            out.add(new Example(q[0], q[1].equals("1"), search.coverageEvidence(q[0])));
        }
        return out;
    }

    public static Fit fit(List<Example> examples, int folds) {
        double[] model = withThreshold(train(examples), examples);
        double[] inSample = rightShares(model, examples);
        int[] right = new int[2];
        int[] total = new int[2];
        heldOut(examples, folds).forEach((e, covers) -> {
            int c = e.covered() ? 1 : 0;
            total[c]++;
            if (covers == e.covered()) {
                right[c]++;
            }
        });
        long covered = examples.stream().filter(Example::covered).count();
        return new Fit(model, inSample[1], inSample[0], (double) right[1] / Math.max(1, total[1]),
                (double) right[0] / Math.max(1, total[0]), (int) covered, (int) (examples.size() - covered));
    }

    /**
     * Each example's verdict by a model fitted without it: the examples shuffled once (fixed seed) and cut into
     * {@code folds}, each fold judged by a model fitted on the others.
     */
    static java.util.Map<Example, Boolean> heldOut(List<Example> examples, int folds) {
        List<Example> shuffled = new ArrayList<>(examples);
        java.util.Collections.shuffle(shuffled, new java.util.Random(FusionTuner.SEED));
        java.util.Map<Example, Boolean> held = new java.util.IdentityHashMap<>();
        for (int f = 0; f < folds; f++) {
            List<Example> train = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == f ? test : train).add(shuffled.get(i));
            }
            double[] m = withThreshold(train(train), train);
            test.forEach(e -> held.put(e, Coverage.covers(m, e.evidence())));
        }
        return held;
    }

    /** The coefficients followed by the threshold: the probability that {@link #KEEP} of covered examples reach. */
    static double[] withThreshold(double[] coefficients, List<Example> examples) {
        double[] p = examples.stream().filter(Example::covered)
                .mapToDouble(e -> Coverage.probability(coefficients, e.evidence())).sorted().toArray();
        double[] out = java.util.Arrays.copyOf(coefficients, coefficients.length + 1);
        out[coefficients.length] = p.length == 0 ? 0.5 : p[(int) Math.floor((1 - KEEP) * p.length)];
        return out;
    }

    /** Gradient descent on the class-balanced log loss with a little L2 on the slopes. */
    static double[] train(List<Example> examples) {
        int n = Coverage.FEATURES.length;
        double[] w = new double[n];
        long positives = examples.stream().filter(Example::covered).count();
        double wPos = 0.5 / Math.max(1, positives);
        double wNeg = 0.5 / Math.max(1, examples.size() - positives);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[n];
            for (Example e : examples) {
                double[] x = e.evidence().features();
                double p = Coverage.probability(w, e.evidence());
                double err = (p - (e.covered() ? 1 : 0)) * (e.covered() ? wPos : wNeg);
                for (int i = 0; i < n; i++) {
                    grad[i] += err * x[i];
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] -= RATE * (grad[i] + (i == 0 ? 0 : L2 * w[i])) * 10;
            }
        }
        return w;
    }

    /**
     * How well a model tells the questions no document answers: of those it says are not covered, the share that
     * truly are not (precision), the share of the unanswerable it catches (recall), and the share of answerable
     * questions it keeps covered.
     */
    public record Telling(double precision, double recall, double answerableCovered) {
        static Telling of(List<Example> examples, java.util.function.Predicate<Example> saysCovered) {
            int caught = 0;
            int saidNot = 0;
            int unanswerable = 0;
            int kept = 0;
            int answerable = 0;
            for (Example e : examples) {
                boolean covered = saysCovered.test(e);
                saidNot += covered ? 0 : 1;
                if (e.covered()) {
                    answerable++;
                    kept += covered ? 1 : 0;
                } else {
                    unanswerable++;
                    caught += covered ? 0 : 1;
                }
            }
            return new Telling(saidNot == 0 ? 1 : (double) caught / saidNot,
                    unanswerable == 0 ? 1 : (double) caught / unanswerable,
                    answerable == 0 ? 1 : (double) kept / answerable);
        }
    }

    /** The shipped model, a model fitted on these examples (in-sample), and {@code folds}-fold fits, each judged. */
    public record Report(Telling shipped, Telling inSample, Telling crossValidated, int answerable, int unanswerable,
                         List<String> judged) {
    }

    public static Report report(List<Example> examples, double[] shipped, int folds) {
        double[] fitted = withThreshold(train(examples), examples);
        java.util.Map<Example, Boolean> held = heldOut(examples, folds);
        long answerable = examples.stream().filter(Example::covered).count();
        List<String> judged = new ArrayList<>(); // every example by its probability, ✗ where the model errs
        examples.stream().sorted(java.util.Comparator.comparingDouble(e -> Coverage.probability(shipped, e.evidence())))
                .forEach(e -> judged.add((Coverage.covers(shipped, e.evidence()) == e.covered() ? "  " : "✗ ")
                        + (e.covered() ? "answerable   " : "unanswerable ") + e.question() + " "
                        + describe(shipped, e.evidence())));
        return new Report(Telling.of(examples, e -> Coverage.covers(shipped, e.evidence())),
                Telling.of(examples, e -> Coverage.covers(fitted, e.evidence())), Telling.of(examples, held::get),
                (int) answerable, (int) (examples.size() - answerable), judged);
    }

    /** One example's evidence and probability under a model, for the eval's details. */
    static String describe(double[] model, Coverage.Evidence e) {
        return String.format(java.util.Locale.ROOT, "(p %.2f; cosine %.2f, coverage %.2f%s%s%s)",
                Coverage.probability(model, e), e.cosine(), e.coverage(), e.valueMissing() ? ", value missing" : "",
                e.absentNoun() ? ", absent noun" : "", e.otherBody() ? ", other body" : "");
    }

    private static double[] rightShares(double[] model, List<Example> examples) {
        int[] right = new int[2];
        int[] total = new int[2];
        for (Example e : examples) {
            int c = e.covered() ? 1 : 0;
            total[c]++;
            if (Coverage.covers(model, e.evidence()) == e.covered()) {
                right[c]++;
            }
        }
        return new double[] {(double) right[0] / Math.max(1, total[0]), (double) right[1] / Math.max(1, total[1])};
    }
}
