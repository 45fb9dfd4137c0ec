package zhibu.cli;

import zhibu.core.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.search.SearchHit;
import zhibu.search.SearchRequest;
import zhibu.search.SearchResult;
import zhibu.search.SearchService;

/** {@code zhibu search [--kind clause|case|document|all] [--limit N] [--json] [--explain] [--index index] QUERY}. */
public final class SearchCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("kind", "limit", "index", "type", Home.DATA), Set.of("json", "explain", Home.NO_VECTORS));
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("give a question to search for, e.g. zhibu search 党员大会多久开一次");
        }
        String kindLabel = args.value("kind", "clause");
        UnitKind kind = kindLabel.equals("all") ? null : UnitKind.fromLabel(kindLabel).orElseThrow(
                () -> new Args.UsageException("--kind must be clause, case, document or all, not '" + kindLabel + "'"));
        int limit = args.intValue("limit", 10, 1, SearchRequest.MAX_LIMIT);
        Path folder = Home.resolve(args.value("index", "index"));
        ZhibuIndex opened = Home.openReader(folder, Home.vectors(args, err), err);
        if (opened == null) {
            return 1;
        }
        try (ZhibuIndex index = opened) {
            SearchRequest request = new SearchRequest(String.join(" ", args.positional()), kind, limit, 0,
                    args.value("type", null), null, null);
            SearchService search = new SearchService(index);
            if (args.flag("explain")) {
                out.print(search.explain(request, limit));
                return 0;
            }
            SearchResult result = search.search(request);
            if (args.flag("json")) {
                out.println(Json.MAPPER.writeValueAsString(result));
                return 0;
            }
            out.println(result.total() + " hits for " + result.query() + " (" + result.tookMs() + " ms)");
            int rank = 1;
            for (SearchHit hit : result.hits()) {
                out.printf("%2d. %s › %s%n    %s%n", rank++, hit.docTitle(), String.join(" › ", hit.path()),
                        abbreviate(hit.text(), 200));
            }
            return 0;
        }
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
