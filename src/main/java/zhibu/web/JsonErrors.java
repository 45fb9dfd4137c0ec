package zhibu.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the site (a malformed request, a URL or headers too
 * long, a body too large): JSON with one Chinese sentence and the site's security headers, like every other error,
 * instead of Jetty's HTML page.
 */
final class JsonErrors extends ErrorHandler {
    private static final Map<Integer, String> SENTENCES = Map.of(
            400, "请求格式不正确。",
            405, "这个地址不接受这种请求方法。",
            408, "请求超时。",
            413, "请求或上传的文件过大。",
            414, "网址过长：整个网址最多 8 KB，请缩短它（搜索的问题最多 " + Params.MAX_QUERY_CHARS + " 个字）。",
            431, "请求头过大。",
            500, "服务器出错，请求未完成，请稍后再试。",
            503, "服务器正忙，请稍后再试。");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String sentence = SENTENCES.getOrDefault(code, code >= 500 ? SENTENCES.get(500) : "请求无法完成。");
        // Jetty closes the connection after a request it could not read (a URL or headers too long), but says
        // nothing: a client would send its next request on that connection and get no answer. Said up front, as
        // ErrorMapping does for the site's own error answers.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put("Content-Security-Policy", SecurityHeaders.CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        byte[] body = JsonSupport.MAPPER.writeValueAsBytes(Map.of("error", sentence));
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
