package zhibu.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import zhibu.library.Library;
import zhibu.packs.Pack;
import zhibu.packs.PackDraft;
import zhibu.packs.PackFormat;
import zhibu.packs.PackItems;
import zhibu.packs.PackStore;
import zhibu.packs.PackSuggester;
import zhibu.search.SearchService;

/** The course packs' handlers: read the request, ask the store, answer the pack or its file. */
final class PackHandlers {
    static final int MAX_TOPIC = 50;

    private final PackStore store;
    private final PackItems items;
    private final PackSuggester suggester;

    PackHandlers(PackStore store, Library library, SearchService search) {
        this.store = store;
        this.items = new PackItems(library);
        this.suggester = new PackSuggester(search, library);
    }

    private PackStore store() {
        if (store == null) {
            throw ApiError.notFound("这个服务没有开启课程包（没有数据目录或数据库）。");
        }
        return store;
    }

    /** POST /api/packs: a new pack, answered with its edit token (201). */
    void create(Context ctx) throws IOException {
        PackDraft draft = items.resolve(PackDraft.from(JsonSupport.body(ctx)), List.of());
        ctx.status(201).json(store().create(draft));
    }

    void get(Context ctx) {
        ctx.json(find(ctx.pathParam("id")));
    }

    /** PUT /api/packs/{id}: the whole pack as the editor has it, with the version it was read at. */
    void update(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        JsonNode body = JsonSupport.body(ctx);
        int version = version(body.get("version") == null ? null : body.get("version").asText(null));
        Pack current = find(id);
        PackDraft draft = items.resolve(PackDraft.from(body), current.items());
        ctx.json(store().update(id, Params.bearer(ctx), version, draft));
    }

    /** DELETE /api/packs/{id}?version=N. */
    void delete(Context ctx) {
        store().delete(ctx.pathParam("id"), Params.bearer(ctx), version(ctx.queryParam("version")));
        ctx.status(204);
    }

    void export(Context ctx) throws IOException {
        String label = Params.optional(ctx, "format");
        PackFormat format = PackFormat.of(label == null ? "docx" : label)
                .orElseThrow(() -> ApiError.badRequest("参数 format 应为 docx、md 或 html。"));
        Pack pack = find(ctx.pathParam("id"));
        if (format.download()) {
            Params.attachment(ctx, "pack." + format.extension(), format.fileName(pack));
        }
        ctx.contentType(format.mediaType()).result(format.render(pack));
    }

    /** GET /api/packs/suggest?topic=三会一课[&audience=高校]: a draft, not stored. */
    void suggest(Context ctx) throws IOException {
        String topic = Params.optional(ctx, "topic");
        if (topic == null) {
            throw ApiError.badRequest("请在参数 topic 中给出课程主题，例如 topic=三会一课。");
        }
        if (topic.length() > MAX_TOPIC) {
            throw ApiError.badRequest("参数 topic 过长：最多 " + MAX_TOPIC + " 个字。");
        }
        String audience = Params.emptyToNull(Params.branchType(ctx, "audience"));
        ctx.json(suggester.suggest(topic, audience));
    }

    private Pack find(String id) {
        return store().find(id).orElseThrow(() -> ApiError.notFound("没有编号为 " + id + " 的课程包。"));
    }


    /** The version the editor read: a whole number from 1. */
    private static int version(String value) {
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("请给出课程包的版本号 version（读取课程包时得到的 version）。");
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw ApiError.badRequest("版本号 version 应为正整数，而不是“" + value + "”。");
    }
}
