package zhibu.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/** Every route of the site and the API, in one place. */
final class Routes {
    private Routes() {
    }

    static void declare(JavalinConfig config, ApiHandlers api, AdminHandlers admin, PackHandlers packs,
                        SitePages pages) {
        config.routes.before(SecurityHeaders::apply);

        config.routes.get("/api/health", api::health);
        config.routes.get("/api/search", api::search);
        config.routes.get("/api/suggest", api::suggest);
        config.routes.get("/api/clauses/{id}", api::clause);
        config.routes.get("/api/documents", api::documents);
        config.routes.get("/api/documents/{id}", api::document);
        config.routes.get("/api/cases", api::cases);
        config.routes.get("/api/cases/{id}", api::caseById);
        config.routes.get("/api/checklist", api::checklist);
        config.routes.get("/api/regions", api::regions);

        config.routes.post("/api/documents", admin::upload);
        config.routes.delete("/api/documents/{id}", admin::delete);
        config.routes.post("/api/documents/{id}/reingest", admin::reingest);
        config.routes.put("/api/documents/{id}/metadata", admin::metadata);
        config.routes.get("/api/admin/check", admin::check);
        config.routes.get("/api/admin/audit", admin::auditLog);
        config.routes.post("/api/admin/ingest", admin::ingestPaths);
        config.routes.post("/api/admin/backup", admin::backup);
        config.routes.get("/api/packs/suggest", packs::suggest); // before {id}: "suggest" is no pack
        config.routes.post("/api/packs", packs::create);
        config.routes.get("/api/packs/{id}", packs::get);
        config.routes.put("/api/packs/{id}", packs::update);
        config.routes.delete("/api/packs/{id}", packs::delete);
        config.routes.get("/api/packs/{id}/export", packs::export);
        config.routes.get("/api/*", ctx -> {
            throw ApiError.notFound("没有这个接口：" + ctx.path() + "。");
        });

        config.routes.get("/", pages::shell);
        config.routes.get("/c/{id}", pages::shell);
        config.routes.get("/d/{id}", pages::shell);
        config.routes.get("/cases", pages::shell);
        config.routes.get("/cases/{id}", pages::shell);
        config.routes.get("/checklist", pages::shell);
        config.routes.get("/admin", pages::shell);
        config.routes.get("/packs", pages::shell);
        config.routes.get("/packs/{id}", pages::shell);
        config.routes.get("/p/{id}", pages::shell);
        config.staticFiles.add(pages.folder().toString(), Location.EXTERNAL);

        ErrorMapping.install(config, pages);
    }
}
