package zhibu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zhibu.eval.EvalQuery;
import zhibu.eval.QuerySets;

/** A load run's questions do not repeat, and are the same for the same seed. */
@Timeout(60)
class LoadQuestionsTest {
    @Test
    void theDevQuestionsGrowIntoThousandsOfDistinctOnes() throws IOException {
        List<String> asked = new java.util.ArrayList<>();
        for (String file : List.of("eval/dev-queries.tsv", "eval/dev-queries-2.tsv")) {
            QuerySets.read(Path.of(file)).stream().map(EvalQuery::question).forEach(asked::add);
        }
        List<String> questions = LoadQuestions.distinct(asked, 30_000, 1);
        assertTrue(questions.size() >= 20_000, "distinct questions: " + questions.size());
        assertEquals(questions.size(), new HashSet<>(questions).size(), "no question twice");
        assertEquals(asked.stream().distinct().toList(), questions.subList(0, (int) asked.stream().distinct().count()),
                "the questions as asked come first");
        assertEquals(questions, LoadQuestions.distinct(asked, 30_000, 1), "the same for the same seed");
    }
}
