package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.Multipart;
import zhibu.testing.Paths;
import zhibu.testing.RunningSite;

/**
 * The Party Constitution, which no bundled document is, uploaded through the admin API into a running server: the
 * questions only it answers (全国代表大会, 中央委员会, 党员的义务) go from not covered, or from a card without a
 * number, to a card citing it; the dev questions keep their first hit.
 */
@Timeout(600)
class MissingRegulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static JsonNode ask(RunningSite site, String q) throws Exception {
        var response = site.get("/api/search?q=" + enc(q) + "&kind=clause");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A card that states something: covered, an answer, and for a number question a value. */
    private static boolean answered(JsonNode result, boolean number) {
        JsonNode answer = result.get("answer");
        return result.get("covered").asBoolean() && answer != null && !answer.isNull()
                && (!number || !answer.path("value").isNull());
    }

    @Test
    void addingTheMissingRegulationCoversItsQuestionsAndMovesNothingElse() throws Exception {
        Path charter = Paths.shared("extra-corpus/中国共产党章程（2017年修改）.txt");
        // true: the card must state a number (每五年举行一次 is not read as a frequency yet: a period of years is none
        // of month, quarter, half-year, year or term, so that card gives the sentence alone)
        Map<String, Boolean> charterQuestions = Map.of("党的全国代表大会多久举行一次", false,
                "中央委员会每届任期几年", true, "党员必须履行哪些义务", false);
        List<String> lines = Files.readAllLines(Path.of("eval/dev-queries.tsv"));
        try (RunningSite site = new RunningSite(folder)) {
            for (var q : charterQuestions.entrySet()) {
                JsonNode before = ask(site, q.getKey());
                assertTrue(!answered(before, q.getValue()) || !before.at("/answer/docTitle").asText().contains("章程"),
                        q.getKey() + " before: " + before.get("answer"));
            }
            Map<String, String> firstHits = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t");
                if (cols[1].equals("clause")) {
                    firstHits.put(cols[2], ask(site, cols[2]).at("/hits/0/id").asText());
                }
            }

            var uploaded = site.upload(new Multipart().file(charter));
            assertEquals(201, uploaded.statusCode(), uploaded.body());

            for (var q : charterQuestions.entrySet()) {
                JsonNode after = ask(site, q.getKey());
                assertTrue(answered(after, q.getValue()), q.getKey() + " after: " + after.get("answer"));
                assertTrue(after.at("/answer/docTitle").asText().contains("章程"), q.getKey() + " cites the 党章: "
                        + after.get("answer"));
                assertTrue(after.at("/answer/withheld").isNull(), after.get("answer").toString());
            }
            Map<String, String> moved = new LinkedHashMap<>();
            for (var q : firstHits.entrySet()) {
                String now = ask(site, q.getKey()).at("/hits/0/id").asText();
                if (!now.equals(q.getValue())) {
                    moved.put(q.getKey(), q.getValue() + " → " + now);
                }
            }
            assertEquals(Map.of(), moved, "the dev questions keep their first hit");
        }
    }
}
