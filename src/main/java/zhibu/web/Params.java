package zhibu.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import zhibu.index.UnitKind;
import zhibu.model.BranchType;
import zhibu.search.SearchRequest;

/** The query parameters of the API, typed and checked; a bad one stops the request with a sentence naming it. */
final class Params {
    static final int MAX_QUERY_CHARS = 200;
    private static final List<String> KINDS = List.of("clause", "case", "document", "all");
    private static final String TYPES = String.join("、", BranchType.labels(Arrays.asList(BranchType.values())));

    private Params() {
    }

    // Javalin runs the checks on an absent parameter too, with null: every check lets null through.
    static String query(Context ctx) {
        String q = ctx.queryParamAsClass("q", String.class)
                .check(s -> s == null || s.length() <= MAX_QUERY_CHARS, "参数 q 过长：最多 " + MAX_QUERY_CHARS + " 个字。")
                .getOrDefault("");
        return q.strip();
    }

    static int limit(Context ctx) {
        return ctx.queryParamAsClass("limit", Integer.class)
                .check(n -> n == null || n >= 1 && n <= SearchRequest.MAX_LIMIT,
                        "参数 limit 应为 1 到 " + SearchRequest.MAX_LIMIT + " 之间的整数。")
                .getOrDefault(10);
    }

    static int offset(Context ctx) {
        return ctx.queryParamAsClass("offset", Integer.class)
                .check(n -> n == null || n >= 0 && n <= 10_000, "参数 offset 应为 0 到 10000 之间的整数。")
                .getOrDefault(0);
    }

    /** {@code clause} unless given; {@code all} (null) searches clauses and cases together. */
    static UnitKind kind(Context ctx) {
        String kind = ctx.queryParamAsClass("kind", String.class)
                .check(k -> k == null || KINDS.contains(k), "参数 kind 应为 clause、case、document 或 all。")
                .getOrDefault("clause");
        return kind.equals("all") ? null : UnitKind.fromLabel(kind).orElseThrow();
    }

    static String branchType(Context ctx) {
        return ctx.queryParamAsClass("branchType", String.class)
                .check(s -> s == null || s.isEmpty() || BranchType.fromLabel(s).isPresent(), "参数 branchType 应为以下之一：" + TYPES + "。")
                .getOrDefault("");
    }

    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
