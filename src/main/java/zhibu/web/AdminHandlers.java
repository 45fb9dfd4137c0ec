package zhibu.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zhibu.admin.AuditLog;
import zhibu.admin.Backup;
import zhibu.admin.Originals;
import zhibu.admin.Tokens;
import zhibu.core.BranchType;
import zhibu.core.DocumentMetadata;
import zhibu.index.IngestOutcome;
import zhibu.ingest.MetadataEdits;
import zhibu.ingest.Names;
import zhibu.library.Library;

/**
 * The write routes: uploads (stored by hash, read in a bounded child process, indexed while searches go on),
 * deletion, reading a document again, corrections of its metadata, ingestion of local paths for the commands of
 * this machine, and backups. Each needs a token (constant-time check) and leaves a line in the audit log.
 */
final class AdminHandlers {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminHandlers.class);
    private final Site site;
    private final Library library;
    private final Tokens tokens;
    private final Originals originals;
    private final AuditLog audit;
    private final Runnable changed;

    AdminHandlers(Site site, Library library, Runnable changed) {
        this.site = site;
        this.library = library;
        this.tokens = new Tokens(site.adminToken(), site.localToken());
        this.originals = site.data() == null ? null : new Originals(site.data().resolve("originals"));
        this.audit = site.data() == null ? null : new AuditLog(site.data().resolve("audit.log"));
        this.changed = changed;
        if (site.data() != null) {
            site.index().writeState().watch(site.data()); // originals, uploads in progress, corrections, audit log
        }
    }

    /** Who is asking, by their token; a missing or wrong token stops the request with 401. */
    private String who(Context ctx) {
        String presented = Params.bearer(ctx);
        java.util.Optional<String> who = tokens.who(presented);
        if (!tokens.adminEnabled() && !who.filter(Tokens.LOCAL::equals).isPresent()) {
            refused(ctx, presented);
            throw new ApiError(401, "管理功能未开启：启动服务时用环境变量 ZHIBU_ADMIN_TOKEN 或 --admin-token-file 设置管理员令牌。");
        }
        if (who.isEmpty()) {
            refused(ctx, presented);
            throw new ApiError(401, presented == null
                    ? "需要管理员令牌：请在请求头 Authorization 中给出 Bearer 令牌。" : "管理员令牌不正确。");
        }
        return who.get();
    }

    /** A refused attempt, in the audit log like every action: who is unknown, so whether a token was given. */
    private void refused(Context ctx, String presented) {
        audit(presented == null ? "(no token)" : "(wrong token)", ctx.method() + " " + ctx.path(), "", "401");
    }

    private void requireData() {
        if (originals == null) {
            throw new ApiError(503, "这个服务没有数据目录，不能接收文件。");
        }
    }

    void check(Context ctx) {
        ctx.json(Map.of("ok", true, "who", who(ctx)));
    }

    /**
     * POST /api/documents: one file answers its metadata (201 when it is new, 200 when the library had it already);
     * several answer each file's outcome.
     */
    void upload(Context ctx) throws IOException {
        String who = who(ctx);
        requireData();
        long declared = ctx.req().getContentLengthLong();
        if (declared > site.maxUploadBytes() + (1L << 20) * 4) {
            drain(ctx);
            throw tooLarge(who, declared);
        }
        List<UploadedFile> files;
        try {
            files = UploadForm.files(ctx, site.data() == null ? null : site.data().resolve("tmp"),
                    site.maxUploadBytes());
        } catch (Exception e) { // Jetty's multipart parser; Kotlin lets a ServletException through unchecked
            if (tooLarge(e)) {
                drain(ctx);
                throw tooLarge(who, declared);
            }
            if (zhibu.index.WriteState.noSpace(e)) {
                audit(who, "upload", "(" + declared + " bytes)", "507");
                throw site.index().writeState().failed(site.data().resolve("tmp"),
                        e instanceof IOException io ? io : new IOException(e));
            }
            LOG.info("an upload's form was refused: {}", rootMessage(e));
            // the parser stopped inside the body: what is left is read and dropped, and the connection is not
            // offered again (a client that reused it would find it closed under its next request)
            drain(ctx);
            ctx.header("Connection", "close");
            throw ApiError.badRequest(formProblem(e));
        }
        if (files.isEmpty()) {
            throw ApiError.badRequest("请在表单字段 file 中上传文件。");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (UploadedFile file : files) {
            results.add(one(who, file));
        }
        if (files.size() == 1) {
            Map<String, Object> only = results.get(0);
            if (only.containsKey("error")) {
                throw new ApiError((Integer) only.get("statusCode"), (String) only.get("error"));
            }
            ctx.status("added".equals(only.get("status")) ? 201 : 200).json(only.get("document"));
            return;
        }
        results.forEach(r -> r.remove("statusCode"));
        ctx.json(Map.of("files", results));
    }

    /** How much of a refused upload is read and dropped, so that a client sending it whole reads the 413. */
    private long drainLimit() {
        return 2 * site.maxUploadBytes() + (16L << 20);
    }

    /**
     * Reads and drops the rest of a refused body up to {@link #drainLimit()}: a client that sends the whole body
     * before reading (Python's urllib) would otherwise see the connection reset instead of the answer. A body
     * larger than that is cut off.
     */
    private void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] block = new byte[1 << 16];
            long left = drainLimit();
            for (int n; left > 0 && (n = in.read(block, 0, (int) Math.min(block.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the body was consumed already
        }
    }

    /** Why Jetty could not read an upload's form, as a user can act on it. */
    private static String formProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("header") && (message.contains("too large") || message.contains("too long")
                    || message.contains("max"))) {
                return "上传的文件名过长：文件名最多 " + MAX_NAME + " 个字。";
            }
            if (message.contains("invalid byte") || message.contains("Illegal character")) {
                return "上传的文件名含有控制字符（换行、制表符等），请改名后重新上传。";
            }
        }
        return "上传的表单不完整或格式不正确，请重新上传。";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    /** The longest file name an upload may have. */
    static final int MAX_NAME = 255;

    /** The 413 of a request body over the limit, recorded in the audit log. */
    private ApiError tooLarge(String who, long declared) {
        audit(who, "upload", "(" + declared + " bytes)", "413");
        return new ApiError(413, "上传的文件过大：单个文件最大 " + maxMegabytes() + " MB。");
    }

    private long maxMegabytes() {
        return site.maxUploadBytes() >> 20;
    }

    private static ApiError noDocument(String id) {
        return ApiError.notFound("没有编号为 " + id + " 的文件。");
    }

    /** Whether Jetty refused a multipart body for a size limit. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("max file size exceeded")
                    || message != null && message.contains("max request size exceeded")) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> one(String who, UploadedFile file) throws IOException {
        String given = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1); // a browser's path
        if (name.isBlank()) {
            name = "upload";
        }
        String shown = Names.printable(name);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", shown.length() > 80 ? shown.substring(0, 80) + "…" : shown);
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            audit(who, "upload", shown.substring(0, Math.min(80, shown.length())) + "…", "400");
            result.put("statusCode", 400);
            result.put("error", "上传的文件名过长：文件名最多 " + MAX_NAME + " 个字，这里有 " + name.codePointCount(0, name.length())
                    + " 个。");
            return result;
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            audit(who, "upload", shown, "400");
            result.put("statusCode", 400);
            result.put("error", "上传的文件名“" + shown + "”含有控制字符（换行、制表符等），请改名后重新上传。");
            return result;
        }
        if (!Originals.readable(name)) {
            audit(who, "upload", shown, "415");
            result.put("statusCode", 415);
            result.put("error", shown + " 的类型不支持：只能上传 TXT、Markdown、HTML、DOCX、DOC、ODT 或 PDF 文件。");
            return result;
        }
        Originals.Stored stored;
        try (InputStream in = file.content()) {
            stored = originals.store(in, name, site.maxUploadBytes());
            site.index().writeState().succeeded(originals.folder());
        } catch (Originals.TooLarge e) {
            audit(who, "upload", shown, "413");
            result.put("statusCode", 413);
            result.put("error", shown + " 过大：单个文件最大 " + maxMegabytes() + " MB。");
            return result;
        } catch (IOException e) {
            audit(who, "upload", shown, "507");
            zhibu.index.NotWritableException refused = site.index().writeState().failed(originals.folder(), e);
            site.index().writeState().needed(originals.folder(), 6 * Math.max(0, file.size()) + (1L << 20));
            throw refused;
        }
        IngestOutcome outcome;
        try {
            outcome = site.index().ingestAs(stored.path(), name);
        } catch (zhibu.index.NotWritableException e) {
            long size = Files.size(stored.path());
            stored.undo(); // an original only this failed upload needed
            // the upload while it arrives, the original, the index's records and their merge (measured: ~5 times the
            // text file's size at the peak): free again before health says so
            long needed = 6 * size + (1L << 20);
            site.index().folder().ifPresent(f -> site.index().writeState().needed(f, needed));
            audit(who, "upload", shown, "507");
            throw e;
        }
        changed.run();
        audit(who, "upload", shown + " → " + outcome.docId(), outcome.result());
        result.put("status", outcome.status().label());
        if (outcome.failed()) {
            result.put("statusCode", 400);
            result.put("error", outcome.reason().chinese());
        } else {
            result.put("document", library.document(outcome.docId()).orElse(null));
            if (outcome.note() != null) {
                result.put("note", outcome.note().chinese());
            }
        }
        return result;
    }

    void delete(Context ctx) throws IOException {
        String who = who(ctx);
        String id = ctx.pathParam("id");
        boolean deleted = site.index().delete(id);
        audit(who, "delete", id, deleted ? "deleted" : "404");
        if (!deleted) {
            throw noDocument(id);
        }
        keepEdits(() -> site.edits().remove(id));
        changed.run();
        ctx.json(Map.of("deleted", id));
    }

    void reingest(Context ctx) throws IOException {
        String who = who(ctx);
        String id = ctx.pathParam("id");
        IngestOutcome outcome = site.index().reingest(id)
                .orElseThrow(() -> noDocument(id));
        changed.run();
        audit(who, "reingest", id, outcome.result());
        if (outcome.failed()) {
            throw ApiError.badRequest(outcome.reason().chinese());
        }
        ctx.json(library.document(id).orElseThrow());
    }

    /** PUT /api/documents/{id}/metadata: status, branch types, region; kept as a correction, the document re-read. */
    void metadata(Context ctx) throws IOException {
        String who = who(ctx);
        requireData();
        String id = ctx.pathParam("id");
        library.document(id).orElseThrow(() -> noDocument(id));
        JsonNode body = JsonSupport.body(ctx);
        String status = text(body, "status");
        if (status != null && !DocumentMetadata.STATUSES.contains(status)) {
            throw ApiError.badRequest("status 应为 " + String.join("、", DocumentMetadata.STATUSES) + " 之一。");
        }
        List<String> types = null;
        if (body.has("branchTypes") && !body.get("branchTypes").isNull()) {
            types = new ArrayList<>();
            for (JsonNode t : body.get("branchTypes")) {
                if (BranchType.fromLabel(t.asText()).isEmpty()) {
                    throw ApiError.badRequest("branchTypes 中的“" + t.asText() + "”不是党支部类型。");
                }
                types.add(t.asText());
            }
            if (types.isEmpty()) {
                throw ApiError.badRequest("branchTypes 至少要有一个党支部类型。");
            }
            types = BranchType.labels(types.stream().map(t -> BranchType.fromLabel(t).orElseThrow()).toList());
        }
        String given = text(body, "region");
        if (given != null && given.length() > 40) {
            throw ApiError.badRequest("region 最多 40 个字。");
        }
        // the jurisdiction, as the checklists read it: 全国, or a province, city or county by its full name
        String region = given == null || given.isBlank() ? given : zhibu.core.Divisions.get().resolve(given)
                .map(zhibu.core.Jurisdiction::label).orElseThrow(() ->
                ApiError.badRequest("region 应为 全国 或省、市、县（区）的名称，例如 湖南省、长沙市、浏阳市；没有找到“" + given
                        + "”，或有几处同名（如 鼓楼区），请连上一级写出（如 南京市鼓楼区）。"));
        MetadataEdits.Edit edit = new MetadataEdits.Edit(status, types, region);
        keepEdits(() -> site.edits().put(id, edit));
        IngestOutcome outcome = site.index().reingest(id).orElseThrow();
        changed.run();
        audit(who, "metadata", id, outcome.status().label());
        ctx.json(library.document(id).orElseThrow());
    }

    /** Saves the metadata corrections; a disk that refuses them is a 507 like every write. */
    private void keepEdits(Runnable save) throws zhibu.index.NotWritableException {
        try {
            save.run();
        } catch (java.io.UncheckedIOException e) {
            throw site.index().writeState().failed(site.data(), e.getCause());
        }
    }

    /** POST /api/admin/ingest {"paths": [...]}: the local ingest command's files, one outcome line each as it goes. */
    void ingestPaths(Context ctx) throws IOException {
        String who = who(ctx);
        if (!Tokens.LOCAL.equals(who)) {
            throw new ApiError(401, "只有本机的命令可以导入服务器上的路径。");
        }
        List<Path> paths = new ArrayList<>();
        JsonSupport.body(ctx).path("paths").forEach(p -> paths.add(Path.of(p.asText())));
        if (paths.isEmpty()) {
            throw ApiError.badRequest("请在 paths 中给出要导入的文件或目录。");
        }
        ctx.contentType("application/x-ndjson; charset=utf-8");
        OutputStream out = ctx.outputStream();
        site.index().ingest(paths, outcome -> {
            try {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", outcome.line());
                line.put("failed", outcome.failed());
                out.write((JsonSupport.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        changed.run();
        audit(who, "ingest", String.join(" ", paths.stream().map(Path::toString).toList()), "done");
    }

    /** POST /api/admin/backup {"dir": …}: a consistent backup while the server serves. */
    void backup(Context ctx) throws IOException {
        String who = who(ctx);
        requireData();
        String dir = text(JsonSupport.body(ctx), "dir");
        if (dir == null) {
            throw ApiError.badRequest("请在 dir 中给出备份目录。");
        }
        if (site.packs() == null) {
            throw ApiError.badRequest("这个服务器没有课程包数据库，无法做完整备份。");
        }
        int files;
        try {
            files = Backup.create(site.index(), site.data(), site.packs(), Path.of(dir));
        } catch (IOException | zhibu.packs.Database.DatabaseException e) {
            audit(who, "backup", dir, "failed");
            throw ApiError.badRequest(e.getMessage());
        }
        audit(who, "backup", dir, files + " files");
        ctx.json(Map.of("dir", dir, "files", files));
    }

    /** GET /api/admin/audit: the last actions, newest first. */
    void auditLog(Context ctx) throws IOException {
        who(ctx);
        requireData();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : audit.newest(100)) {
            lines.add(JsonSupport.MAPPER.readTree(line));
        }
        ctx.json(Map.of("actions", lines));
    }

    private void audit(String who, String action, String target, String result) {
        if (audit != null) {
            audit.record(who, action, target, result);
        }
    }


    /** A text field, stripped; one with a control character (a line break, a tab, U+0000) is refused. */
    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            return null;
        }
        if (n.asText().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.badRequest("字段 " + field + " 含有控制字符（换行、制表符等），请去掉。");
        }
        return n.asText().strip();
    }
}
