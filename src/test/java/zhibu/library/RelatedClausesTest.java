package zhibu.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zhibu.core.Clause;
import zhibu.eval.EvalQuery;
import zhibu.eval.QuerySets;
import zhibu.eval.TextFolding;
import zhibu.index.UnitKind;
import zhibu.testing.CorpusIndex;

/**
 * 对照 on the real corpus. The pairs come from the dev files: a question whose right clauses stand in several
 * documents gives, for each right clause, the right clauses of the other documents as what its 对照 should list.
 */
class RelatedClausesTest {
    static Library library;
    static List<Clause> clauses = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        library = new Library(CorpusIndex.shared());
        for (var doc : library.documents()) {
            clauses.addAll(library.clausesOf(doc.id()));
        }
    }

    @Test
    void threeMeetingsAndALecturePairWithTheirLikeNotWithTheLifeMeeting() throws IOException {
        Clause xian = library.clause("003-699736ca32203df9.a1.s3.i12").orElseThrow();
        List<Clause> related = new RelatedClauses(library).of(xian);
        assertFalse(related.isEmpty());
        Clause hunan = related.stream().filter(c -> c.docId().startsWith("002-")).findFirst().orElseThrow();
        assertTrue(hunan.text().contains("讲党课每半年至少1次"), hunan.text());
        related.forEach(c -> assertFalse(c.docId().equals(xian.docId()), "other documents only"));
        assertTrue(related.stream().noneMatch(c -> "组织生活会".equals(c.heading())), related.toString());
    }

    /** The share of dev pairs whose other clause is listed, at the given weight of meaning. */
    static double listed(double meaning) throws IOException {
        RelatedClauses related = new RelatedClauses(library, meaning);
        int pairs = 0;
        int listed = 0;
        for (String set : List.of("eval/dev-queries.tsv", "eval/dev-queries-2.tsv")) {
            for (EvalQuery q : QuerySets.read(Path.of(set))) {
                if (q.kind() != UnitKind.CLAUSE) {
                    continue;
                }
                List<Clause> right = clauses.stream()
                        .filter(c -> q.expected().stream().anyMatch(TextFolding.noSpace(c.text())::contains)).toList();
                Set<String> rightIds = new HashSet<>(right.stream().map(Clause::id).toList());
                Set<String> docs = new HashSet<>(right.stream().map(Clause::docId).toList());
                for (Clause c : right) {
                    List<Clause> shown = related.of(c);
                    for (String other : docs) {
                        if (!other.equals(c.docId())) {
                            pairs++;
                            if (shown.stream().anyMatch(s -> s.docId().equals(other) && rightIds.contains(s.id()))) {
                                listed++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(pairs >= 50, pairs + " pairs");
        return (double) listed / pairs;
    }

    @Test
    void theDevFilesPairsAreListedAndMeaningHelpsWords() throws IOException {
        double fused = listed(RelatedClauses.MEANING);
        double wordsAlone = listed(0);
        assertTrue(fused >= 0.72, "listed " + fused); // measured 0.76; words alone, as before, 0.73
        assertTrue(fused >= wordsAlone, fused + " vs words alone " + wordsAlone);
    }
}
