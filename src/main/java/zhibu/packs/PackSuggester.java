package zhibu.packs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import zhibu.answer.Answer;
import zhibu.checklist.Matters;
import zhibu.checklist.Matters.Matter;
import zhibu.core.Clause;
import zhibu.index.UnitKind;
import zhibu.library.Library;
import zhibu.search.SearchHit;
import zhibu.search.SearchRequest;
import zhibu.search.SearchResult;
import zhibu.search.SearchService;

/**
 * A draft pack for a topic, for the trainer to edit. The topic's matters are those of the coverage table it names
 * (三会一课, 党费) or whose category it is (组织生活); a topic the table does not know is a matter of its own words.
 * For each matter the search of the answers (the same fusion, the audience as branch-type filter) ranks the
 * clauses; every document stating the matter gives its best clause, and a document about the matter (its title
 * names it) all of its clauses on it, in its own order; so the documents' wordings stand side by side, and where
 * the answer card finds different values they are noted. A clause listing bands (党费 by income) goes into a table
 * of its own. Then the best matching cases.
 */
public final class PackSuggester {
    static final int HITS = SearchRequest.MAX_LIMIT;
    static final int PER_DEDICATED_DOCUMENT = 20;
    static final int CASES = 3;

    private final SearchService search;
    private final PackItems items;
    private final Library library;

    public PackSuggester(SearchService search, Library library) {
        this.search = search;
        this.library = library;
        this.items = new PackItems(library);
    }

    public Pack suggest(String topic, String audience) throws IOException {
        List<PackItem> out = new ArrayList<>();
        Set<String> documents = new LinkedHashSet<>();
        Set<String> placed = new HashSet<>(); // a clause on several of the topic's matters stands under the first
        int clauses = 0;
        List<Matter> matters = mattersOf(topic);
        for (Matter matter : matters) {
            String query = matters.size() == 1 ? topic : matter.name();
            SearchResult result = search.search(new SearchRequest(query, UnitKind.CLAUSE, HITS, 0, audience, null, null));
            List<PackItem> stated = new ArrayList<>();
            List<PackItem> table = new ArrayList<>();
            for (Clause clause : stating(result.hits(), matter)) {
                if (placed.add(clause.id())) {
                    PackItem item = items.of(clause);
                    documents.add(clause.docId());
                    (item.rows().isEmpty() ? stated : table).add(item);
                }
            }
            if (stated.isEmpty() && table.isEmpty()) {
                continue;
            }
            out.add(PackItem.heading(matter.name() + "：各文件的规定"));
            out.addAll(stated);
            variants(result.answer()).ifPresent(out::add);
            if (!table.isEmpty()) {
                out.add(PackItem.heading(matter.name() + "分档标准"));
                out.addAll(table);
            }
            clauses += stated.size() + table.size();
        }
        List<SearchHit> cases = search.search(new SearchRequest(topic, UnitKind.CASE, CASES, 0, audience, null, null)).hits();
        if (cases.size() < 2 && audience != null) { // too few cases of the audience's type: any type will do
            cases = search.search(SearchRequest.of(topic, UnitKind.CASE, CASES)).hits();
        }
        if (!cases.isEmpty()) {
            out.add(PackItem.heading("经验案例"));
            for (SearchHit hit : cases) {
                items.caseItem(hit.id()).ifPresent(out::add);
            }
        }
        String description = "按“" + topic + "”自动生成的草稿：" + documents.size() + " 份文件的 " + clauses + " 条规定和 "
                + cases.size() + " 个案例。请按授课需要增删、排序、添加备注。";
        String title = topic.length() > 40 ? topic.substring(0, 40) : topic;
        return new Pack(null, title + " 专题课程包", audience, description, 0, out, null, null, null);
    }

    /** The matters a topic names (三会一课), or whose category it is (组织生活); else one of the topic's own words. */
    List<Matter> mattersOf(String topic) {
        List<Matter> named = Matters.all().stream()
                .filter(m -> m.name().equals(topic) || m.pattern().matcher(topic).find()).toList();
        if (!named.isEmpty()) {
            return named;
        }
        List<Matter> category = Matters.all().stream().filter(m -> m.category().equals(topic)).toList();
        if (!category.isEmpty()) {
            return category;
        }
        List<String> words = search.wordsOf(topic).stream().filter(w -> w.length() > 1).toList();
        String pattern = (words.isEmpty() ? List.of(topic) : words).stream().map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return List.of(new Matter(topic, "", false, Pattern.compile(pattern)));
    }

    /**
     * The clauses that state the matter, by document in the order of each document's best hit: its best one, or all
     * of them in the document's own order when the document is about the matter (a section left out when its
     * clauses are in).
     */
    private List<Clause> stating(List<SearchHit> hits, Matter matter) throws IOException {
        Map<String, List<SearchHit>> byDocument = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            if (matter.pattern().matcher(hit.text()).find()
                    || hit.heading() != null && matter.pattern().matcher(hit.heading()).find()) {
                byDocument.computeIfAbsent(hit.docId(), d -> new ArrayList<>()).add(hit);
            }
        }
        List<Clause> out = new ArrayList<>();
        for (List<SearchHit> ofDocument : byDocument.values()) {
            SearchHit best = ofDocument.get(0);
            if (!matter.pattern().matcher(best.docTitle()).find()) {
                library.clause(best.id()).ifPresent(out::add);
                continue;
            }
            List<Clause> all = library.clausesOf(best.docId());
            Set<String> hit = ofDocument.stream().limit(PER_DEDICATED_DOCUMENT).map(SearchHit::id).collect(Collectors.toSet());
            Set<String> parents = all.stream().filter(c -> hit.contains(c.id())).map(Clause::parentId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            all.stream().filter(c -> hit.contains(c.id()) && !parents.contains(c.id())).forEach(out::add);
        }
        return out;
    }

    /** Where the documents state different values (the answer card's variants), a note that says so. */
    private static Optional<PackItem> variants(Answer answer) {
        if (answer == null || answer.variants().size() < 2) {
            return Optional.empty();
        }
        String text = answer.variants().stream()
                .map(v -> v.value() + (v.stricter() ? "（较严）" : "") + "："
                        + v.sources().stream().map(s -> "《" + s.docTitle() + "》").distinct().collect(Collectors.joining("、")))
                .collect(Collectors.joining("；"));
        return Optional.of(PackItem.note("各文件规定不同——" + text + "。"));
    }
}
