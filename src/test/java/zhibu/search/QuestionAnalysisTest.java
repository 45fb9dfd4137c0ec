package zhibu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zhibu.analysis.HanLPTokenizer;
import zhibu.index.UnitKind;
import zhibu.testing.CorpusIndex;

/**
 * A search analyses its question once: every view, field, highlight and the answer card build from the tokens the
 * question carries. HanLP segments the question twice: once in the query analyzer's chain, once to find where its
 * question words stand (标准 asks how much, 标准化 does not).
 */
@Timeout(300)
class QuestionAnalysisTest {
    private static final int PASSES = 2;

    private long passes(SearchService search, SearchRequest request) throws IOException {
        long before = HanLPTokenizer.queryPasses();
        SearchResult result = search.search(request);
        assertFalse(result.hits().isEmpty(), request.query());
        return HanLPTokenizer.queryPasses() - before;
    }

    @Test
    void aSearchAnalysesItsQuestionOnce() throws IOException {
        SearchService search = new SearchService(CorpusIndex.shared());
        search.search(SearchRequest.of("党员大会多久开一次", UnitKind.CLAUSE, 10)); // classes loaded, caches filled
        for (String q : List.of("支委会多长时间召开一次", "国企每名党员活动经费标准", "党员不到7个人的支部怎么配班子",
                "党费可以攒几个月一起交吗")) {
            assertEquals(PASSES, passes(search, SearchRequest.of(q, UnitKind.CLAUSE, 10)), q);
            assertEquals(PASSES, passes(search, SearchRequest.of(q, null, 10)), q);
        }
        // a branch-type filter ranks twice (filtered, and unfiltered for the facets), from the same tokens
        assertEquals(PASSES, passes(search, new SearchRequest("组织生活会每年至少开几次", UnitKind.CLAUSE, 10, 0,
                "高校", null, null)));
        // a document the question names is not searched for: the rest of the question is analysed once more
        assertEquals(PASSES + 1, passes(search, SearchRequest.of("按机关条例，支部委员会任期几年", UnitKind.CLAUSE, 10)));
    }
}
