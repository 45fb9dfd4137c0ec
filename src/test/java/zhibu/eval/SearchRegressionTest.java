package zhibu.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zhibu.analysis.AnalyzerChoice;
import zhibu.testing.Paths;

/**
 * Search effectiveness kept as data: eval/expected-metrics.tsv holds the floor of every metric of ours; a drop
 * fails the build. Ours must also be at least as good as both Lucene baselines on every metric.
 */
class SearchRegressionTest {
    static final Path EXPECTED = Path.of("eval/expected-metrics.tsv");
    static Evaluator evaluator;

    record Floor(String set, String analyzer, String metric, double floor) {
    }

    @BeforeAll
    static void readCorpus() throws IOException {
        evaluator = new Evaluator(Paths.CORPUS);
    }

    @Test
    void devQueries() throws IOException {
        check(Path.of("eval/dev-queries.tsv"));
    }

    @Test
    void examDev() throws IOException {
        Path exam = Paths.SHARED.resolve("eval/exam-dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(exam), "exam-dev.jsonl is not committed and was not found at "
                + exam.toAbsolutePath() + "; put ../shared beside the checkout to run this regression check");
        check(exam);
    }

    @Test
    void examItemsPassOnTheAnswerInItsContext() {
        List<String> variants = QuerySets.inContext("上级党组织", "选举产生后应报", "批准");
        assertEquals(List.of("应报上级党组织批准", "后应报上级党组织批", "生后应报上级党组织"), variants);
        assertEquals("党的18大以来", TextFolding.exam("党的十八大以来"));
        assertEquals("每季度1次", TextFolding.exam("每季度 一次。"));
    }

    private static void check(Path set) throws IOException {
        List<Floor> floors = floors().stream().filter(f -> f.set().equals(set.getFileName().toString())).toList();
        assertTrue(!floors.isEmpty(), "no floors for " + set.getFileName() + " in " + EXPECTED);
        List<Metrics> rows = evaluator.run(QuerySets.read(set), QuerySets.isExam(set),
                List.of(AnalyzerChoice.values()), 10);
        Map<String, Metrics> byAnalyzer = new LinkedHashMap<>();
        rows.forEach(r -> byAnalyzer.put(r.analyzer(), r));
        String table = "\n" + Evaluator.table(rows);
        List<String> drops = new ArrayList<>();
        for (Floor floor : floors) {
            double value = byAnalyzer.get(floor.analyzer()).values().get(floor.metric());
            if (value + 1e-9 < floor.floor()) {
                drops.add(floor + " but measured " + value);
            }
        }
        assertEquals(List.of(), drops, table);
        Metrics ours = byAnalyzer.get("hanlp");
        for (Metrics baseline : rows) {
            ours.values().forEach((metric, value) -> assertTrue(value >= baseline.values().get(metric),
                    "hanlp " + metric + " " + value + " is behind " + baseline.analyzer() + table));
        }
    }

    private static List<Floor> floors() throws IOException {
        List<Floor> floors = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            floors.add(new Floor(cols[0], cols[1], cols[2], Double.parseDouble(cols[3])));
        }
        return floors;
    }
}
