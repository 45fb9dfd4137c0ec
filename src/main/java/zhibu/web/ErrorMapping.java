package zhibu.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zhibu.packs.PackException;

/** Every API error as {@code {"error": "one sentence"}}, in Chinese like the site: bad parameters 400, unknown ids 404, anything else 500. */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void install(JavalinConfig config, SitePages pages) {
        config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(zhibu.index.NotWritableException.class, (e, ctx) -> {
            LOG.warn("a write failed on {}: {}", ctx.path(), e.getCause() == null ? e : e.getCause().toString());
            error(ctx, 507, e.getMessage());
        });
        config.routes.exception(PackException.class, (e, ctx) -> error(ctx, e.problem().status(), e.getMessage()));
        config.routes.exception(ValidationException.class, (e, ctx) -> error(ctx, 400, sentence(e)));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 && !ctx.path().startsWith("/api/")) {
                pages.shell(ctx); // the page script says 没有这个页面
                ctx.status(404);
            } else if (e.getStatus() == 413) {
                error(ctx, 413, JsonSupport.TOO_LARGE);
            } else if (e.getStatus() == 405) {
                error(ctx, 405, "地址 " + ctx.path() + " 不接受 " + ctx.method() + " 请求。");
            } else {
                error(ctx, e.getStatus(), e.getStatus() == 404 ? "这里没有内容：" + ctx.path() + "。" : e.getMessage());
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.path(), e);
            error(ctx, 500, "服务器出错，请求未完成，请稍后再试。");
        });
    }

    static void error(Context ctx, int status, String sentence) {
        if (ctx.req().getContentLengthLong() != 0) {
            // a refused body may be left partly unread, after which Jetty closes the connection; said up front, so a
            // client does not send its next request on a connection about to close and lose that answer
            ctx.header("Connection", "close");
        }
        ctx.status(status).json(Map.of("error", sentence));
    }

    /** Our own check messages are sentences already; Javalin's conversion codes are turned into one. */
    private static String sentence(ValidationException e) {
        for (var entry : e.getErrors().entrySet()) {
            for (var error : entry.getValue()) {
                String message = error.getMessage();
                if (message != null && !message.matches("[A-Z_]+")) {
                    return message;
                }
                return "参数 " + entry.getKey() + " 的值“" + error.value + "”无效。";
            }
        }
        return "有参数的值无效。";
    }
}
