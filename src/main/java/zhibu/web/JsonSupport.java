package zhibu.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import zhibu.packs.PackDraft;

/**
 * The JSON of the API (Jackson, UTF-8, no indentation) and the one way a JSON request body is read: declared as
 * {@code application/json} (a cross-site form can send only form types and text/plain), no larger than the largest
 * body the documented limits allow, one JSON value with nothing after it.
 */
final class JsonSupport {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The largest JSON body: the largest course pack the limits allow (300 notes of 5,000 characters, the title and
     * description), every character written as a six-byte {@code \\uXXXX} escape, plus room for the structure.
     */
    static final long MAX_BODY_BYTES = 6L * (PackDraft.MAX_TITLE + 20 + PackDraft.MAX_DESCRIPTION
            + PackDraft.MAX_ITEMS * (PackDraft.MAX_NOTE + 200L)) + (64 << 10);

    /** The refusal of a body over {@link #MAX_BODY_BYTES}, naming the limit and what it comes from. */
    static final String TOO_LARGE = "请求体过大：最多 " + (MAX_BODY_BYTES >> 20) + " MB（一个课程包最多 " + PackDraft.MAX_ITEMS
            + " 项，每项备注最多 " + PackDraft.MAX_NOTE + " 字）。";

    private JsonSupport() {
    }

    /** The request's JSON body, or a 415, 413 or 400 saying what is wrong with it. */
    static JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new ApiError(415, "请求体应为 JSON，并在请求头中写明 Content-Type: application/json。");
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ApiError(413, TOO_LARGE);
        }
        try (java.io.InputStream in = bounded(ctx.bodyInputStream())) {
            JsonNode body = MAPPER.readTree(in);
            if (body == null || body.isMissingNode()) {
                throw ApiError.badRequest("请求体是空的，应为一个 JSON 对象。");
            }
            return body;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw ApiError.badRequest(e.getMessage() != null && e.getMessage().startsWith("Trailing token")
                    ? "请求体在 JSON 之后还有多余的内容。" : "请求体不是有效的 JSON。");
        } catch (TooLarge e) {
            throw new ApiError(413, TOO_LARGE);
        } catch (IOException e) {
            if (e.getCause() instanceof TooLarge) {
                throw new ApiError(413, TOO_LARGE);
            }
            throw ApiError.badRequest("请求体不是有效的 JSON。");
        }
    }

    /** A body sent without its length (chunked) that goes on past the limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The body, failing once more than {@link #MAX_BODY_BYTES} were read. */
    private static java.io.InputStream bounded(java.io.InputStream in) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > MAX_BODY_BYTES) {
                    throw new TooLarge();
                }
            }
        };
    }
}
