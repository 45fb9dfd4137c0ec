package zhibu.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zhibu.analysis.AnalyzerChoice;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.DocumentReader;
import zhibu.search.CandidateSet;
import zhibu.search.Fusion;
import zhibu.search.Question;
import zhibu.search.SearchService;
import zhibu.vectors.Vectors;

/**
 * Measures runs on query sets over the corpus, indexed in memory once per analyzer with the same clauses. Each
 * question is searched once per index, every view at once; every run then ranks the same candidates with its own
 * fusion, so runs, tuning and cross-validation compare like with like.
 */
public final class Evaluator {
    private final List<DocumentReader.Outcome> corpus;
    private final Vectors vectors;

    public Evaluator(Path corpusFolder, Vectors vectors) throws IOException {
        this.corpus = new DocumentReader().readAll(corpusFolder).stream().filter(o -> !o.failed()).toList();
        this.vectors = vectors;
    }

    /** A query set read from a file: its name, whether it is an exam, its questions. */
    public record QuerySet(String name, boolean exam, List<EvalQuery> queries) {
        public static QuerySet read(Path file) throws IOException {
            return new QuerySet(file.getFileName().toString(), QuerySets.isExam(file), QuerySets.read(file));
        }
    }

    /** One question with everything its index found for it and which of those are right. */
    record Judged(QuerySet set, EvalQuery query, CandidateSet candidates, boolean[] right) {
        /** The 1-based rank of the first right candidate within the top k under a fusion, or 0. */
        int rank(Fusion fusion, int k) {
            int[] order = candidates.order(fusion);
            for (int i = 0; i < Math.min(k, order.length); i++) {
                if (right[order[i]]) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** Every question of the sets, searched in the index of each analyzer the runs use. */
    public static final class Judgements {
        final Map<AnalyzerChoice, List<Judged>> byAnalyzer = new EnumMap<>(AnalyzerChoice.class);
        final List<QuerySet> sets;

        Judgements(List<QuerySet> sets) {
            this.sets = sets;
        }

        List<Judged> of(Run run) {
            return byAnalyzer.getOrDefault(run.analyzer(), List.of());
        }
    }

    /** The runs that can be measured here: those needing vectors only when vectors are on. */
    public List<Run> measurable(List<Run> runs) {
        return runs.stream().filter(r -> vectors.enabled() || !r.needsVectors()).toList();
    }

    public Judgements judge(List<QuerySet> sets, List<Run> runs) throws IOException {
        Judgements judgements = new Judgements(sets);
        Set<AnalyzerChoice> analyzers = new LinkedHashSet<>();
        measurable(runs).forEach(r -> analyzers.add(r.analyzer()));
        for (AnalyzerChoice analyzer : analyzers) {
            boolean withVectors = analyzer == AnalyzerChoice.HANLP && vectors.enabled();
            try (ZhibuIndex index = ZhibuIndex.inMemory(analyzer, withVectors ? vectors : Vectors.off())) {
                for (DocumentReader.Outcome doc : corpus) {
                    index.add(doc.document(), doc.file());
                }
                index.commit();
                List<Judged> judged = judgeOn(index, sets, withVectors ? vectors : Vectors.off());
                judgements.byAnalyzer.put(analyzer, judged);
            }
        }
        return judgements;
    }

    /**
     * Every question of the sets searched in an index already built (the benchmark's corpus a thousand times over),
     * judged for one analyzer: {@link #measure} then gives the metrics of the runs of that analyzer.
     */
    public static Judgements judge(ZhibuIndex index, AnalyzerChoice analyzer, List<QuerySet> sets)
            throws IOException {
        Judgements judgements = new Judgements(sets);
        judgements.byAnalyzer.put(analyzer, judgeOn(index, sets, index.vectors()));
        return judgements;
    }

    private static List<Judged> judgeOn(ZhibuIndex index, List<QuerySet> sets, Vectors vectors) throws IOException {
        SearchService search = new SearchService(index, Run.HANLP.fusion());
        List<Judged> judged = new ArrayList<>();
        for (QuerySet set : sets) {
            for (EvalQuery q : set.queries()) {
                if (!q.answerable()) {
                    continue; // nothing to rank: measured by coverage()
                }
                CandidateSet candidates = search.candidates(Question.of(q.question(), vectors,
                        index.analyzer().queryAnalyzer()), q.kind());
                boolean[] right = new boolean[candidates.size()];
                for (int i = 0; i < right.length; i++) {
                    right[i] = isRight(candidates.texts().get(i), q, set.exam());
                }
                judged.add(new Judged(set, q, candidates, right));
            }
        }
        return judged;
    }

    /** Whether a hit's text holds one of the expected strings (folded as the set's kind wants). */
    static boolean isRight(String text, EvalQuery query, boolean exam) {
        String folded = exam ? TextFolding.exam(text) : TextFolding.noSpace(text);
        return query.expected().stream().anyMatch(folded::contains);
    }

    /** Each run's metrics on each set, with the weights fusion.tsv holds. */
    public static List<Metrics> measure(Judgements j, List<Run> runs, int k, boolean withVectors) {
        return measureRuns(j, runs.stream().filter(r -> withVectors || !r.needsVectors()).toList(), k);
    }

    public List<Metrics> measure(Judgements j, List<Run> runs, int k) {
        return measureRuns(j, measurable(runs), k);
    }

    private static List<Metrics> measureRuns(Judgements j, List<Run> runs, int k) {
        List<Metrics> rows = new ArrayList<>();
        for (QuerySet set : j.sets) {
            if (set.queries().stream().noneMatch(EvalQuery::answerable)) {
                continue;
            }
            for (Run run : runs) {
                Map<String, Integer> ranks = new LinkedHashMap<>();
                Fusion fusion = run.fusion();
                for (Judged q : j.of(run)) {
                    if (q.set() == set) {
                        ranks.put(q.query().id(), q.rank(fusion, k));
                    }
                }
                rows.add(Metrics.of(run.label(), set.name(), set.exam(), k, ranks));
            }
        }
        return rows;
    }

    /**
     * How many times cross-validation cuts the questions into folds afresh: one cut of 102 questions into five moves
     * a metric by a question or two with the cut alone, the mean of three cuts much less.
     */
    static final int REPEATS = 3;

    /**
     * Cross-validated metrics of the tuned runs: the questions of all sets in {@code folds} folds; each fold ranked
     * with weights tuned on the other folds alone; the metrics are the mean over {@value #REPEATS} cuts into folds
     * (the ranks shown are the first cut's).
     */
    public List<Metrics> crossValidate(Judgements j, List<Run> runs, int folds, int k) {
        List<Metrics> rows = new ArrayList<>();
        Map<Run, List<Map<Judged, Integer>>> ranks = new LinkedHashMap<>();
        for (Run run : measurable(runs)) {
            if (!run.tuned()) {
                continue;
            }
            List<Judged> all = j.of(run);
            List<Map<Judged, Integer>> cuts = new ArrayList<>();
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                List<List<Judged>> parts = FusionTuner.folds(all, folds, repeat);
                Map<Judged, Integer> r = new LinkedHashMap<>();
                for (int f = 0; f < parts.size(); f++) {
                    List<Judged> train = new ArrayList<>();
                    for (int g = 0; g < parts.size(); g++) {
                        if (g != f) {
                            train.addAll(parts.get(g));
                        }
                    }
                    Fusion tuned = FusionTuner.tune(run, train, k);
                    for (Judged q : parts.get(f)) {
                        r.put(q, q.rank(tuned, k));
                    }
                }
                cuts.add(r);
            }
            ranks.put(run, cuts);
        }
        for (QuerySet set : j.sets) {
            if (set.queries().stream().noneMatch(EvalQuery::answerable)) {
                continue;
            }
            ranks.forEach((run, cuts) -> {
                String label = run.label() + " (" + folds + "-fold)";
                List<Metrics> each = new ArrayList<>();
                for (Map<Judged, Integer> r : cuts) {
                    Map<String, Integer> bySet = new LinkedHashMap<>();
                    r.forEach((q, rank) -> {
                        if (q.set() == set) {
                            bySet.put(q.query().id(), rank);
                        }
                    });
                    each.add(Metrics.of(label, set.name(), set.exam(), k, bySet));
                }
                Map<String, Double> mean = new LinkedHashMap<>();
                each.get(0).values().keySet().forEach(m -> mean.put(m,
                        each.stream().mapToDouble(x -> x.values().get(m)).average().orElse(0)));
                rows.add(new Metrics(label, set.name(), each.get(0).queries(), mean, each.get(0).ranks()));
            });
        }
        return rows;
    }

    /** The weights of each tuned run, chosen on every question of the sets. */
    public Map<Run, Fusion> tune(Judgements j, List<Run> runs, int k) {
        Map<Run, Fusion> tuned = new LinkedHashMap<>();
        for (Run run : measurable(runs)) {
            if (run.tuned()) {
                tuned.put(run, FusionTuner.tune(run, j.of(run), k));
            }
        }
        return tuned;
    }

    /**
     * Fits the coverage model for searches with vectors and without, on the questions of the files (see
     * {@link CoverageCalibration}); the first fit is the hybrid's, the second the lexical one's.
     */
    public List<CoverageCalibration.Fit> calibrate(List<Path> files, int folds) throws IOException {
        List<String[]> questions = CoverageCalibration.questions(files);
        List<CoverageCalibration.Fit> fits = new ArrayList<>();
        try (ZhibuIndex index = ZhibuIndex.inMemory(AnalyzerChoice.HANLP, vectors)) {
            for (DocumentReader.Outcome doc : corpus) {
                index.add(doc.document(), doc.file());
            }
            index.commit();
            for (Fusion fusion : List.of(Run.HYBRID.fusion(), Run.LEXICAL.fusion())) {
                if (fusion.needsVectors() && !vectors.enabled()) {
                    continue;
                }
                SearchService search = new SearchService(index, fusion);
                fits.add(CoverageCalibration.fit(CoverageCalibration.examples(search, questions), folds));
            }
        }
        return fits;
    }

    /**
     * How the answer cards of the shipped search treat the clause questions of the TSV sets, answerable and not:
     * the coverage model (shipped, refitted in-sample, {@code folds}-fold) for searches with vectors and without,
     * and the unanswerable questions whose card still states a value.
     */
    public record CoverageRows(String model, CoverageCalibration.Report report, List<String> valuesStated,
                               int values, List<String> valuesOutside, List<String> casesUnanswerable,
                               int casesAnswerable) {
    }

    public List<CoverageRows> coverage(List<QuerySet> sets, int folds) throws IOException {
        List<String[]> questions = new ArrayList<>();
        List<EvalQuery> asked = new ArrayList<>();
        for (QuerySet set : sets) {
            for (EvalQuery q : set.queries()) {
                if (!set.exam() && q.kind() == zhibu.index.UnitKind.CLAUSE) {
                    questions.add(new String[] {q.question(), q.answerable() ? "1" : "0"});
                    asked.add(q);
                }
            }
        }
        List<CoverageRows> rows = new ArrayList<>();
        try (ZhibuIndex index = ZhibuIndex.inMemory(AnalyzerChoice.HANLP, vectors)) {
            for (DocumentReader.Outcome doc : corpus) {
                index.add(doc.document(), doc.file());
            }
            index.commit();
            for (Run run : List.of(Run.HYBRID, Run.LEXICAL)) {
                Fusion fusion = run.fusion();
                if (fusion.needsVectors() && !vectors.enabled()) {
                    continue;
                }
                SearchService search = new SearchService(index, fusion);
                List<CoverageCalibration.Example> examples = CoverageCalibration.examples(search, questions);
                List<String> stated = new ArrayList<>();
                List<String> outside = new ArrayList<>();
                int values = 0;
                List<String> casesUnanswerable = new ArrayList<>();
                int casesAnswerable = 0;
                for (EvalQuery q : asked) {
                    var result = search.search(zhibu.search.SearchRequest.of(q.question(), zhibu.index.UnitKind.CLAUSE,
                            10));
                    if (result.fromCases() != null) {
                        if (q.answerable()) {
                            casesAnswerable++;
                        } else {
                            casesUnanswerable.add(q.question() + " → " + result.fromCases().sentence());
                        }
                    }
                    var answer = result.answer();
                    if (answer == null || answer.value() == null) {
                        continue;
                    }
                    if (!q.answerable()) {
                        stated.add(q.question() + " → " + answer.value());
                        continue;
                    }
                    values++;
                    String sentence = TextFolding.noSpace(answer.sentence());
                    // a card's value is right when its sentence is one of the expected texts, or holds one
                    if (q.expected().stream().noneMatch(e -> e.contains(sentence) || sentence.contains(e))) {
                        outside.add(q.question() + " → " + answer.value() + "（" + answer.sentence() + "）");
                    }
                }
                rows.add(new CoverageRows(run.label(), CoverageCalibration.report(examples,
                        zhibu.search.Coverage.model(fusion.needsVectors()), folds), stated, values, outside,
                        casesUnanswerable, casesAnswerable));
            }
        }
        return rows;
    }

    /** The coverage rows as a table: precision and recall of 不在文件范围内, answerable kept covered. */
    public static String coverageTable(List<CoverageRows> rows, int folds, boolean details) {
        StringBuilder out = new StringBuilder();
        if (rows.isEmpty()) {
            return "";
        }
        var first = rows.get(0).report();
        out.append(String.format("coverage (%d answerable clause questions, %d no document answers)%n",
                first.answerable(), first.unanswerable()));
        out.append(String.format("  %-20s %9s %9s %11s%n", "model", "not/prec", "not/rec", "answerable"));
        for (CoverageRows r : rows) {
            for (var entry : java.util.Map.of("shipped", r.report().shipped(), "in-sample", r.report().inSample(),
                    folds + "-fold", r.report().crossValidated()).entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(
                            k -> k.equals("shipped") ? 0 : k.equals("in-sample") ? 1 : 2))).toList()) {
                out.append(String.format("  %-20s %9.3f %9.3f %11.3f%n", r.model() + " " + entry.getKey(),
                        entry.getValue().precision(), entry.getValue().recall(), entry.getValue().answerableCovered()));
            }
            out.append(String.format("  %s: %d unanswerable questions whose card states a value%s%n", r.model(),
                    r.valuesStated().size(), r.valuesStated().isEmpty() ? "" : ": " + r.valuesStated()));
            out.append(String.format("  %s: %d answerable questions with a card value, %d of them from a sentence"
                    + " outside the expected texts%s%n", r.model(), r.values(), r.valuesOutside().size(),
                    r.valuesOutside().isEmpty() ? "" : ": " + r.valuesOutside()));
            out.append(String.format("  %s: a 经验材料 passage on %d answerable and %d unanswerable questions%s%n",
                    r.model(), r.casesAnswerable(), r.casesUnanswerable().size(),
                    r.casesUnanswerable().isEmpty() ? "" : ": " + r.casesUnanswerable()));
            if (details) {
                r.report().judged().forEach(line -> out.append("    ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    /** Each query's rank of its first right hit under each run (0: not in the top k), set by set. */
    public static String details(List<Metrics> rows) {
        StringBuilder out = new StringBuilder();
        Map<String, List<Metrics>> bySet = bySet(rows);
        bySet.forEach((set, runs) -> {
            out.append(set).append('\n').append(String.format("%-10s", "query"));
            runs.forEach(r -> out.append(String.format(" %8s", shortName(r.run()))));
            out.append('\n');
            for (String id : runs.get(0).ranks().keySet()) {
                out.append(String.format("%-10s", id));
                runs.forEach(r -> out.append(String.format(" %8d", r.ranks().getOrDefault(id, 0))));
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** The rows side by side: for each set, one line per run, metrics to three decimals. */
    public static String table(List<Metrics> rows) {
        StringBuilder out = new StringBuilder();
        bySet(rows).forEach((set, runs) -> {
            out.append(String.format("%-22s %7s", set, "queries"));
            runs.get(0).values().keySet().forEach(m -> out.append(String.format(" %7s", m)));
            out.append('\n');
            for (Metrics row : runs) {
                out.append(String.format("  %-20s %7d", row.run(), row.queries()));
                row.values().values().forEach(v -> out.append(String.format(" %7.3f", v)));
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** The rows as lines of eval/expected-metrics.tsv: set, run, metric, value rounded down to three decimals. */
    public static String floors(List<Metrics> rows) {
        StringBuilder out = new StringBuilder();
        for (Metrics r : rows) {
            r.values().forEach((metric, value) -> out.append(r.set()).append('\t').append(r.run()).append('\t')
                    .append(metric).append('\t').append(String.format(java.util.Locale.ROOT, "%.3f",
                            Math.floor(value * 1000 + 1e-6) / 1000)).append('\n'));
        }
        return out.toString();
    }

    private static Map<String, List<Metrics>> bySet(List<Metrics> rows) {
        Map<String, List<Metrics>> bySet = new LinkedHashMap<>();
        rows.forEach(r -> bySet.computeIfAbsent(r.set(), s -> new ArrayList<>()).add(r));
        return bySet;
    }

    private static String shortName(String run) {
        return run.replace(" (5-fold)", "/cv");
    }
}
