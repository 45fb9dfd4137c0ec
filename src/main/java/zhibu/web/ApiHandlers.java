package zhibu.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zhibu.checklist.Checklist;
import zhibu.checklist.ChecklistFormat;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.core.Case;
import zhibu.core.Background;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.index.UnitKind;
import zhibu.library.CaseRules;
import zhibu.library.Library;
import zhibu.library.OutlineNode;
import zhibu.library.RelatedClauses;
import zhibu.library.Suggester;
import zhibu.search.SearchRequest;
import zhibu.search.SearchResult;
import zhibu.search.SearchService;

/** The API's handlers: read the parameters, ask the library or the search, answer JSON. */
final class ApiHandlers {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiHandlers.class);

    private final Library library;
    private final SearchService search;
    private final RelatedClauses related;
    private final Suggester suggester;
    private final CaseRules caseRules;
    private final ChecklistService checklists;

    ApiHandlers(Library library, SearchService search, Suggester suggester) {
        this.library = library;
        this.search = search;
        this.related = new RelatedClauses(library);
        this.suggester = suggester;
        this.caseRules = new CaseRules(search);
        this.checklists = new ChecklistService(library);
    }

    /**
     * What a server does after it listens, in this order on the background thread: the warm-up searches, the
     * suggestions' vocabulary and the checklists' requirements.
     */
    void prepareInBackground() {
        Background.run(this::warmUp);
        suggester.refreshInBackground(library);
        checklists.prepareInBackground();
    }

    /**
     * Questions the server asks itself once it listens. A search runs through Lucene's vectorized postings code, which
     * is slow until the JIT has compiled it: at a thousand times the corpus the first search after a start took 3.4 s,
     * the next ones a tenth of that. Asked here first, they leave less of that to the first person's question.
     */
    private static final List<String> WARM_UP = List.of("党员大会多久开一次", "发展党员有哪些程序", "主题党日活动怎么开展");

    private void warmUp() {
        for (String q : WARM_UP) {
            try {
                search.search(SearchRequest.of(q, UnitKind.CLAUSE, 10));
            } catch (IOException | RuntimeException e) {
                LOG.warn("the warm-up search for {} failed: {}", q, e.toString(), e);
                return; // a first real question shows what is wrong
            }
        }
    }

    /** What {@code GET /api/health} answers; {@code reason} only when the server cannot write. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Health(String status, int documents, int clauses, int cases, boolean writable, String reason) {
    }

    void health(Context ctx) throws IOException {
        Map<UnitKind, Integer> counts = library.index().counts();
        java.util.Optional<String> notWritable = library.index().readOnly()
                ? java.util.Optional.of("索引以只读方式打开，不能上传或修改文件。")
                : library.index().writeState().reason();
        ctx.json(new Health("ok", counts.get(UnitKind.DOCUMENT), counts.get(UnitKind.CLAUSE),
                counts.get(UnitKind.CASE), notWritable.isEmpty(), notWritable.orElse(null)));
    }

    void search(Context ctx) throws IOException {
        String q = Params.query(ctx);
        UnitKind kind = Params.kind(ctx);
        int limit = Params.limit(ctx);
        int offset = Params.offset(ctx);
        String branchType = Params.emptyToNull(Params.branchType(ctx));
        String docId = Params.optional(ctx, "docId");
        if (q.isEmpty() && branchType == null && docId == null) {
            throw ApiError.badRequest("请在参数 q 中输入问题，例如 q=党员大会多久开一次。");
        }
        String constraints = Params.optional(ctx, "constraints");
        if (constraints != null && !constraints.equals("none")) {
            throw ApiError.badRequest("参数 constraints 只能是 none（不按问题中的地名或文件筛选），或不给出。");
        }
        SearchRequest request = new SearchRequest(q, kind, limit, offset, branchType, docId, null);
        SearchResult result = search.search(constraints == null ? request : request.withoutConstraints());
        ctx.json(result.total() == 0 || !result.covered() ? result.withSuggestions(alternatives(q)) : result);
    }

    void suggest(Context ctx) {
        String q = Params.query(ctx);
        ctx.json(Map.of("query", q, "suggestions", suggester.suggest(q)));
    }

    void clause(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Clause clause = library.clause(id).orElseThrow(() -> ApiError.notFound("没有编号为 " + id + " 的条文。"));
        Map<String, Object> body = asMap(clause);
        body.put("document", library.document(clause.docId()).orElse(null));
        body.put("children", library.children(id).stream().map(ApiHandlers::summary).toList());
        body.put("related", related.of(clause));
        ctx.json(body);
    }

    /** Every document, or with {@code limit} (and {@code offset}) one page of them; the count in X-Total-Count. */
    void documents(Context ctx) throws IOException {
        Integer limit = Params.documentsLimit(ctx);
        if (limit == null) {
            List<DocumentMetadata> all = library.documents();
            ctx.header(TOTAL_COUNT, String.valueOf(all.size()));
            ctx.json(all);
        } else {
            Library.DocumentPage page = library.documents(Params.documentsOffset(ctx), limit);
            ctx.header(TOTAL_COUNT, String.valueOf(page.total()));
            ctx.json(page.documents());
        }
    }

    /** The header that says how many documents a paged list is a page of. */
    static final String TOTAL_COUNT = "X-Total-Count";

    void document(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        DocumentMetadata meta = library.document(id)
                .orElseThrow(() -> ApiError.notFound("没有编号为 " + id + " 的文件。"));
        List<Clause> clauses = library.clausesOf(id);
        Map<String, Object> body = asMap(meta);
        body.put("outline", OutlineNode.of(clauses));
        body.put("clauses", clauses.stream().map(c -> {
            Map<String, Object> m = summary(c);
            m.put("text", c.text());
            m.put("depth", c.path().size());
            return m;
        }).toList());
        body.put("cases", library.casesOf(id).stream().map(ApiHandlers::caseSummary).toList());
        ctx.json(body);
    }

    void cases(Context ctx) throws IOException {
        String q = Params.query(ctx);
        String branchType = Params.emptyToNull(Params.branchType(ctx));
        String topic = Params.optional(ctx, "topic");
        SearchResult result = search.search(new SearchRequest(q, UnitKind.CASE, SearchRequest.MAX_LIMIT, 0,
                branchType, null, topic));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q);
        body.put("total", result.total());
        body.put("cases", result.hits());
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put("branchType", result.facets().get("branchType"));
        facets.put("topic", result.facets().get("topic"));
        body.put("facets", facets);
        ctx.json(body);
    }

    void caseById(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Case c = library.caseById(id).orElseThrow(() -> ApiError.notFound("没有编号为 " + id + " 的案例。"));
        Map<String, Object> body = asMap(c);
        body.put("docTitle", library.document(c.docId()).map(DocumentMetadata::title).orElse(""));
        body.put("rules", caseRules.of(c));
        ctx.json(body);
    }

    void checklist(Context ctx) throws IOException {
        int members = Params.members(ctx);
        Profile profile = new Profile(Params.requiredBranchType(ctx), members,
                Params.flag(ctx, "groups", Profile.groupsBySize(members)), Params.flag(ctx, "leaders", true),
                Params.campus(ctx), Params.region(ctx));
        ChecklistFormat format = Params.checklistFormat(ctx);
        zhibu.checklist.CalendarPlan plan = Params.calendarPlan(ctx);
        Checklist checklist = checklists.checklist(profile);
        if (format == ChecklistFormat.JSON) {
            ctx.json(checklist);
            return;
        }
        if (format.binary() || format == ChecklistFormat.ICS) {
            Params.attachment(ctx, "checklist." + format.extension(), format.fileName(profile, plan));
        }
        ctx.contentType(format.mediaType()).result(format.render(checklist, plan));
    }

    /** One administrative division for the region picker: its code, its own name, its full name, and whether it has divisions under it. */
    record Region(String code, String name, String region, boolean divided) {
        static Region of(zhibu.core.Divisions.Division d) {
            return new Region(d.code(), d.name(), d.jurisdiction().label(),
                    !zhibu.core.Divisions.get().children(d.code()).isEmpty());
        }
    }

    /** The divisions from the province down to the one asked about ({@code path}), and those directly under it. */
    record Regions(List<Region> path, List<Region> regions) {
    }

    /**
     * GET /api/regions: the provinces; {@code ?parent=CODE} the divisions under one; {@code ?place=浏阳市} the path to
     * a place a user or a checklist named and the divisions under it.
     */
    void regions(Context ctx) {
        zhibu.core.Divisions divisions = zhibu.core.Divisions.get();
        String parent = Params.optional(ctx, "parent");
        String place = Params.optional(ctx, "place");
        zhibu.core.Divisions.Division at = null;
        if (parent != null) {
            at = divisions.byCode(parent).orElseThrow(() -> ApiError.badRequest("参数 parent 应为地区代码，例如 43（湖南省）。"));
        } else if (place != null) {
            at = divisions.division(place).orElseThrow(() -> ApiError.badRequest("参数 place 应为省、市或县（区）的名称；没有找到“"
                    + place + "”，或有几处同名，请连上一级写出。"));
        }
        List<Region> path = new ArrayList<>();
        for (zhibu.core.Divisions.Division d = at; d != null; d = d.parent()) {
            path.addFirst(Region.of(d));
        }
        List<zhibu.core.Divisions.Division> under = at == null ? divisions.provinces() : divisions.children(at.code());
        ctx.json(new Regions(path, under.stream().map(Region::of).toList()));
    }

    /** Terms to try when a search finds nothing: completions of the question's words. */
    private List<String> alternatives(String q) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : search.wordsOf(q)) {
            for (String s : suggester.suggest(word.length() > 2 ? word.substring(0, 2) : word)) {
                if (out.size() < 8) {
                    out.add(s);
                }
            }
        }
        if (out.isEmpty()) {
            out.addAll(List.of("三会一课", "主题党日", "组织生活会", "民主评议党员", "党费"));
        }
        return new ArrayList<>(out);
    }

    private static Map<String, Object> summary(Clause c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("number", c.number());
        m.put("heading", c.heading());
        m.put("path", c.path());
        return m;
    }

    private static Map<String, Object> caseSummary(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("unit", c.unit());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object record) {
        return new LinkedHashMap<>(JsonSupport.MAPPER.convertValue(record, Map.class));
    }
}
