package zhibu.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.index.UnitKind;

/**
 * Reads query sets: TSV (id, kind, question, expected with |, source), TSV of questions no bundled document answers
 * (id, question, why: each with nothing expected), and exam JSONL.
 */
public final class QuerySets {
    /** How many characters of the question next to the blank must sit beside the answer. */
    static final int CONTEXT = 4;
    private static final Pattern BLANK = zhibu.search.Quotation.BLANK;

    private QuerySets() {
    }

    /**
     * The answer with {@link #CONTEXT} characters of the question around it, split between the two sides in every
     * way the question allows: 生后应报[上级党组织], 后应报[上级党组织]批, 应报[上级党组织]批准 …
     */
    static List<String> inContext(String answer, String before, String after) {
        List<String> variants = new ArrayList<>();
        for (int left = 0; left <= CONTEXT; left++) {
            int right = CONTEXT - left;
            if (left <= before.length() && right <= after.length()) {
                variants.add(before.substring(before.length() - left) + answer + after.substring(0, right));
            }
        }
        return variants;
    }

    public static boolean isExam(Path file) {
        return file.getFileName().toString().endsWith(".jsonl");
    }

    public static List<EvalQuery> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the query set " + file + " does not exist");
        }
        return isExam(file) ? exam(file) : tsv(file);
    }

    static List<EvalQuery> tsv(Path file) throws IOException {
        List<EvalQuery> queries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // a set of questions no bundled document answers (dev-not-covered.tsv): id, question, why; nothing is right
        boolean notCovered = !lines.isEmpty() && lines.get(0).split("\t").length == 3
                && !lines.get(0).contains("expected");
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (notCovered) { // id, question, why no document answers it
                queries.add(new EvalQuery(cols[0].strip(), UnitKind.CLAUSE, cols[1].strip(), List.of()));
                continue;
            }
            if (cols.length < 4) {
                throw new IOException(file.getFileName() + " line " + (i + 1) + " has fewer than 4 columns");
            }
            UnitKind kind = UnitKind.fromLabel(cols[1].strip()).orElse(UnitKind.CLAUSE);
            List<String> expected = Arrays.stream(cols[3].split("\\|")).map(TextFolding::noSpace)
                    .filter(s -> !s.isEmpty()).toList();
            queries.add(new EvalQuery(cols[0].strip(), kind, cols[2].strip(), expected));
        }
        return queries;
    }

    /**
     * Exam items with {@code answerable} and {@code branch_related} true. The question is searched, blank removed,
     * over clauses and cases together; {@code expected} holds the folded answer in its folded context.
     */
    static List<EvalQuery> exam(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalQuery> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = json.readTree(line);
            if (!item.path("answerable").asBoolean() || !item.path("branch_related").asBoolean()) {
                continue;
            }
            String question = item.path("question").asText();
            String answer = TextFolding.exam(item.path("answer_text").asText(item.path("answer").asText()));
            Matcher blank = BLANK.matcher(question);
            String before;
            String after;
            if (blank.find()) {
                before = TextFolding.exam(question.substring(0, blank.start()));
                after = TextFolding.exam(question.substring(blank.end()));
            } else {
                before = TextFolding.exam(question);
                after = "";
            }
            // searched as written: the blank tells the search which words surround the answer
            queries.add(new EvalQuery(item.path("id").asText(), null, question, inContext(answer, before, after)));
        }
        return queries;
    }
}
