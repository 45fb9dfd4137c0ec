package zhibu.web;

import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;

/**
 * The multipart form of an upload: its limits, and its reading with room for a long file name.
 *
 * <p>Jetty's servlet layer reads a part's headers only up to the server's request header size (8 KB, which also
 * bounds the URL). A longer Content-Disposition (a file name of some 2,700 Chinese characters) failed the parse
 * with "headers max length exceeded": the name never reached the handler's own check, the answer was the parse
 * error's guess, and the rest of the body was left unread behind it. So the form is read here first, through
 * Jetty's own parser with the same limits as Javalin's and {@link #MAX_PART_HEADERS} for a part's headers: the
 * whole form is read, the name arrives whole, and the handler refuses it in its sentence. Javalin's
 * {@code uploadedFiles} then finds the parts already read (Jetty keeps them on the request and deletes their files
 * when the request ends).
 */
final class UploadForm {
    /** The most bytes of one part's headers: room for a file name of some 20,000 Chinese characters. */
    static final int MAX_PART_HEADERS = 64 << 10;
    /** A part larger than this is kept in a file under the upload folder rather than in memory. */
    static final long MAX_MEMORY_PART = 1L << 20;

    private UploadForm() {
    }

    /** The most bytes of one file's part: the upload limit and room for its headers. */
    static long maxPartBytes(long maxUploadBytes) {
        return maxUploadBytes + (1L << 20);
    }

    /** The most bytes of a whole form of several files. */
    static long maxFormBytes(long maxUploadBytes) {
        return Math.max(maxUploadBytes * 8, 1L << 30);
    }

    /** Javalin's multipart configuration: the same limits, for a form it would read itself. */
    static void configure(MultipartConfig config, Path folder, long maxUploadBytes) {
        if (folder != null) {
            config.cacheDirectory(folder.toString());
        }
        config.maxFileSize(maxPartBytes(maxUploadBytes), SizeUnit.BYTES);
        config.maxInMemoryFileSize((int) MAX_MEMORY_PART, SizeUnit.BYTES);
        config.maxTotalRequestSize(maxFormBytes(maxUploadBytes), SizeUnit.BYTES);
    }

    /**
     * The files of the form field {@code file}. A body that is not multipart/form-data is left to Javalin, which
     * refuses it; a form Jetty cannot read throws as Javalin's would.
     */
    static List<UploadedFile> files(Context ctx, Path folder, long maxUploadBytes) {
        String type = ctx.req().getContentType();
        if (type != null && MimeTypes.Type.MULTIPART_FORM_DATA.is(HttpField.getValueParameters(type, null))) {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            int bufferSize = request.getConnectionMetaData().getConnection() instanceof AbstractConnection c
                    ? c.getInputBufferSize() : ByteBufferPool.SIZED_NON_POOLING.getSize();
            MultiPartConfig config = Request.getMultiPartConfig(request, folder)
                    .maxHeadersSize(MAX_PART_HEADERS)
                    .maxParts(request.getServletContext().getServletContextHandler().getMaxFormKeys())
                    .maxMemoryPartSize(MAX_MEMORY_PART)
                    .maxPartSize(maxPartBytes(maxUploadBytes))
                    .maxSize(maxFormBytes(maxUploadBytes))
                    .bufferPool(new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), false,
                            bufferSize))
                    .build();
            MultiPartFormData.getParts(request, request, type, config); // kept on the request for Javalin
        }
        return ctx.uploadedFiles("file");
    }
}
