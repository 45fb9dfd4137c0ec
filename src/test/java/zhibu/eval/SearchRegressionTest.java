package zhibu.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zhibu.testing.Paths;
import zhibu.testing.TestVectors;

/**
 * Search effectiveness kept as data: eval/expected-metrics.tsv holds the floor of every metric of every run on
 * every query set, in-sample and cross-validated; a drop fails the build. The full hybrid must also be ahead of
 * the bigram baseline on every metric, and its cross-validated figures within 0.08 of its in-sample ones.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class SearchRegressionTest {
    static final Path EXPECTED = Path.of("eval/expected-metrics.tsv");
    /**
     * About five of the sixty questions of dev-queries-2: the gap of the hybrid there, measured by cross-validation
     * repeated over three cuts, was 0.061 in Hit@1 before candidates were scored in every view and is 0.078 after;
     * one cut alone had shown 0.050.
     */
    static final double CV_GAP = 0.08;
    static List<Metrics> rows = new ArrayList<>();
    static String table;
    /** The sets measured: the two committed ones always, the exam items when ../shared is there. */
    static List<String> measured = new ArrayList<>(List.of("dev-queries.tsv", "dev-queries-2.tsv"));
    static final String EXAM = "exam-dev.jsonl";

    record Floor(String set, String run, String metric, double floor) {
    }

    @BeforeAll
    static void measure() throws IOException {
        Evaluator evaluator = new Evaluator(Paths.CORPUS, TestVectors.shared());
        List<Evaluator.QuerySet> sets = new ArrayList<>(List.of(Evaluator.QuerySet.read(Path.of("eval/dev-queries.tsv")),
                Evaluator.QuerySet.read(Path.of("eval/dev-queries-2.tsv"))));
        Path exam = Paths.SHARED.resolve("eval/" + EXAM); // not committed: its floors are checked where it is
        if (Files.isRegularFile(exam)) {
            sets.add(Evaluator.QuerySet.read(exam));
            measured.add(EXAM);
        }
        Evaluator.Judgements judged = evaluator.judge(sets, Run.all());
        rows.addAll(evaluator.measure(judged, Run.all(), 10));
        rows.addAll(evaluator.crossValidate(judged, Run.all(), 5, 10));
        table = "\n" + Evaluator.table(rows);
    }

    static Metrics row(String set, String run) {
        return rows.stream().filter(r -> r.set().equals(set) && r.run().equals(run)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + run + " on " + set + table));
    }

    @Test
    void noMetricDropsBelowItsFloor() throws IOException {
        List<String> drops = new ArrayList<>();
        List<Floor> floors = floors();
        assertTrue(floors.size() >= 40, "floors for every run on every set: " + floors.size());
        for (Floor floor : floors) {
            if (!measured.contains(floor.set())) {
                continue; // examItemsAreMeasured says why
            }
            double value = row(floor.set(), floor.run()).values().get(floor.metric());
            if (value + 1e-9 < floor.floor()) {
                drops.add(floor + " but measured " + value);
            }
        }
        assertEquals(List.of(), drops, table);
    }

    @Test
    void theHybridIsAheadOfTheBigramBaselineOnEveryMetric() {
        for (String set : measured) {
            Metrics hybrid = row(set, "hybrid");
            Metrics bigram = row(set, "bigram");
            hybrid.values().forEach((metric, value) -> {
                double baseline = bigram.values().get(metric);
                boolean saturated = baseline >= 1.0 - 1e-9;
                assertTrue(saturated ? value >= baseline : value > baseline,
                        "hybrid " + metric + " on " + set + " is " + value + ", bigram " + baseline + table);
            });
        }
    }

    @Test
    void crossValidatedFiguresStayCloseToTheInSampleOnes() {
        for (String set : measured) {
            Map<String, Double> in = row(set, "hybrid").values();
            Map<String, Double> cv = row(set, "hybrid (5-fold)").values();
            in.forEach((metric, value) -> assertTrue(value - cv.get(metric) <= CV_GAP + 1e-9,
                    "hybrid " + metric + " on " + set + ": in-sample " + value + ", 5-fold " + cv.get(metric) + table));
        }
    }

    @Test
    void examItemsAreMeasured() {
        // skipped without ../shared (the committed sets' floors were checked all the same); a failure under CI=true
        Paths.shared("eval/" + EXAM);
        assertTrue(measured.contains(EXAM), table);
    }

    @Test
    void examItemsPassOnTheAnswerInItsContext() {
        List<String> variants = QuerySets.inContext("上级党组织", "选举产生后应报", "批准");
        assertEquals(List.of("应报上级党组织批准", "后应报上级党组织批", "生后应报上级党组织"), variants);
        assertEquals("党的18大以来", TextFolding.exam("党的十八大以来"));
        assertEquals("每季度1次", TextFolding.exam("每季度 一次。"));
        assertEquals("交纳1.5%", TextFolding.noSpace("交纳1．5％"), "full-width forms fold as ingestion writes them");
    }

    private static List<Floor> floors() throws IOException {
        List<Floor> floors = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith(ChecklistGoldTest.SET + "\t")) {
                continue; // the checklists' floors are ChecklistGoldTest's
            }
            String[] cols = line.split("\t");
            floors.add(new Floor(cols[0], cols[1], cols[2], Double.parseDouble(cols[3])));
        }
        return floors;
    }
}
