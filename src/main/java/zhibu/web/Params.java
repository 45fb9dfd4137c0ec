package zhibu.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import zhibu.core.BranchType;
import zhibu.index.UnitKind;
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

    /** The most documents one page of /api/documents lists. */
    static final int MAX_DOCUMENTS_PAGE = 1000;

    /** A page size for /api/documents, or null (no {@code limit}: every document). */
    static Integer documentsLimit(Context ctx) {
        return ctx.queryParam("limit") == null ? null : ctx.queryParamAsClass("limit", Integer.class)
                .check(n -> n >= 1 && n <= MAX_DOCUMENTS_PAGE, "参数 limit 应为 1 到 " + MAX_DOCUMENTS_PAGE + " 之间的整数。")
                .get();
    }

    static int documentsOffset(Context ctx) {
        return ctx.queryParamAsClass("offset", Integer.class)
                .check(n -> n == null || n >= 0, "参数 offset 应为不小于 0 的整数。").getOrDefault(0);
    }

    /** {@code clause} unless given; {@code all} (null) searches clauses and cases together. */
    static UnitKind kind(Context ctx) {
        String kind = ctx.queryParamAsClass("kind", String.class)
                .check(k -> k == null || KINDS.contains(k), "参数 kind 应为 clause、case、document 或 all。")
                .getOrDefault("clause");
        return kind.equals("all") ? null : UnitKind.fromLabel(kind).orElseThrow();
    }

    static String branchType(Context ctx) {
        return branchType(ctx, "branchType");
    }

    /** A branch type in the named parameter, or "" when there is none. */
    static String branchType(Context ctx, String name) {
        return ctx.queryParamAsClass(name, String.class)
                .check(s -> s == null || s.isEmpty() || BranchType.fromLabel(s).isPresent(), "参数 " + name + " 应为以下之一：" + TYPES + "。")
                .getOrDefault("");
    }

    /** Marks the answer as a file to save: an ASCII name for old clients, the real (Chinese) one in RFC 5987 form. */
    static void attachment(Context ctx, String asciiName, String name) {
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded);
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }

    static String requiredBranchType(Context ctx) {
        String type = branchType(ctx);
        if (type.isEmpty()) {
            throw ApiError.badRequest("请在参数 branchType 中给出党支部类型：" + TYPES + "。");
        }
        return type;
    }

    static int members(Context ctx) {
        if (ctx.queryParam("members") == null) {
            throw ApiError.badRequest("请在参数 members 中给出正式党员人数，例如 members=30。");
        }
        return ctx.queryParamAsClass("members", Integer.class)
                .check(n -> n == null || n >= 1 && n <= zhibu.checklist.ChecklistService.MAX_MEMBERS,
                        "参数 members 应为 1 到 " + zhibu.checklist.ChecklistService.MAX_MEMBERS + " 之间的整数。")
                .get();
    }

    static zhibu.checklist.ChecklistFormat checklistFormat(Context ctx) {
        String format = ctx.queryParamAsClass("format", String.class)
                .check(f -> f == null || zhibu.checklist.ChecklistFormat.of(f).isPresent(),
                        "参数 format 应为 json、docx、xlsx、ics、html 或 text。")
                .getOrDefault("json");
        return zhibu.checklist.ChecklistFormat.of(format).orElseThrow();
    }

    /**
     * The branch's region (region=湖南省, 长沙市, 浏阳市 …) as the place's full name from its province down, or null
     * when not given; a name no division has, or several share, is one sentence naming the parameter.
     */
    static String region(Context ctx) {
        String region = optional(ctx, "region");
        if (region == null) {
            return null;
        }
        if (region.length() > 60) {
            throw ApiError.badRequest("参数 region 太长：请给出省、市或县（区）的名称，例如 湖南省、长沙市、浏阳市。");
        }
        return zhibu.checklist.Profile.place(region).orElseThrow(() -> ApiError.badRequest(
                "参数 region 应为省、市或县（区）的名称，例如 湖南省、长沙市、浏阳市；没有找到“" + region
                        + "”，或有几处同名（如 鼓楼区），请连上一级写出（如 南京市鼓楼区）。"));
    }

    /**
     * The calendar's year and fixed days: year (default the coming one), partyDay (主题党日), committeeDay
     * (支部委员会会议), groupDay (党小组会), each a day of the month from 1 to 28.
     */
    static zhibu.checklist.CalendarPlan calendarPlan(Context ctx) {
        zhibu.checklist.CalendarPlan usual = zhibu.checklist.CalendarPlan.defaults(java.time.LocalDate.now());
        int year = ctx.queryParamAsClass("year", Integer.class)
                .check(y -> y == null || zhibu.checklist.CalendarPlan.validYear(y), "参数 year 应为 "
                        + zhibu.checklist.CalendarPlan.FIRST_YEAR + " 到 " + zhibu.checklist.CalendarPlan.LAST_YEAR
                        + " 之间的年份，例如 year=" + usual.year() + "。")
                .getOrDefault(usual.year());
        return new zhibu.checklist.CalendarPlan(year, day(ctx, "partyDay", "主题党日", usual.partyDay()),
                day(ctx, "committeeDay", "支部委员会会议", usual.committeeDay()),
                day(ctx, "groupDay", "党小组会", usual.groupDay()));
    }

    private static int day(Context ctx, String name, String what, int fallback) {
        return ctx.queryParamAsClass(name, Integer.class)
                .check(d -> d == null || zhibu.checklist.CalendarPlan.validDay(d), "参数 " + name + "（" + what
                        + "每月的日子）应为 1 到 " + zhibu.checklist.CalendarPlan.LAST_DAY + " 之间的整数。")
                .getOrDefault(fallback);
    }

    static String campus(Context ctx) {
        String campus = optional(ctx, "campus");
        if (campus != null && !zhibu.checklist.Profile.CAMPUS_ROLES.contains(campus)) {
            throw ApiError.badRequest("参数 campus 应为 教职工 或 学生。");
        }
        return campus;
    }

    static boolean flag(Context ctx, String name, boolean fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("true|false|1|0")) {
            throw ApiError.badRequest("参数 " + name + " 应为 true 或 false。");
        }
        return value.equals("true") || value.equals("1");
    }

    static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
