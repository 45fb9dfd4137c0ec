package zhibu.library;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import zhibu.core.Case;
import zhibu.index.UnitKind;
import zhibu.search.SearchHit;
import zhibu.search.SearchRequest;
import zhibu.search.SearchService;

/** The rule clauses a case puts into practice: the best clauses on each of its topics (a case on 三会一课 → the 三会一课 rules). */
public final class CaseRules {
    static final int PER_TOPIC = 2;
    static final int MAX = 8;

    private final SearchService search;

    public CaseRules(SearchService search) {
        this.search = search;
    }

    public List<SearchHit> of(Case c) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<SearchHit> rules = new ArrayList<>();
        for (String topic : c.topics()) {
            for (SearchHit hit : search.search(SearchRequest.of(topic, UnitKind.CLAUSE, PER_TOPIC)).hits()) {
                if (rules.size() < MAX && seen.add(hit.id())) {
                    rules.add(hit);
                }
            }
        }
        return rules;
    }
}
