package zhibu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/** Decides what a file is from its bytes, with its name as a hint; refuses what zhibu cannot read. */
public final class FormatDetector {
    private static final Map<String, SourceFormat> TEXT_EXTENSIONS = Map.of(
            "txt", SourceFormat.TXT, "text", SourceFormat.TXT,
            "md", SourceFormat.MARKDOWN, "markdown", SourceFormat.MARKDOWN,
            "htm", SourceFormat.HTML, "html", SourceFormat.HTML, "shtml", SourceFormat.HTML,
            "xhtml", SourceFormat.HTML);
    private static final Map<String, SourceFormat> BINARY_EXTENSIONS = Map.of(
            "pdf", SourceFormat.PDF, "docx", SourceFormat.DOCX, "doc", SourceFormat.DOC, "odt", SourceFormat.ODT);
    private static final Map<String, SourceFormat> MEDIA_TYPES = Map.ofEntries(
            Map.entry("text/plain", SourceFormat.TXT),
            Map.entry("text/x-web-markdown", SourceFormat.MARKDOWN),
            Map.entry("text/markdown", SourceFormat.MARKDOWN),
            Map.entry("text/html", SourceFormat.HTML),
            Map.entry("application/xhtml+xml", SourceFormat.HTML),
            Map.entry("application/pdf", SourceFormat.PDF),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", SourceFormat.DOCX),
            Map.entry("application/msword", SourceFormat.DOC),
            Map.entry("application/vnd.oasis.opendocument.text", SourceFormat.ODT));

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final Detector magic = TikaConfig.getDefaultConfig().getMimeRepository();

    public SourceFormat detect(String name, byte[] bytes) throws IngestException {
        String extension = extension(name);
        if (TEXT_EXTENSIONS.containsKey(extension)) {
            return TEXT_EXTENSIONS.get(extension);
        }
        SourceFormat byName = BINARY_EXTENSIONS.get(extension);
        if (byName != null && mediaType(name, bytes, false).equals(MediaType.OCTET_STREAM)) {
            throw new IngestException(Reason.of(Problem.MISLABELLED, name, extension, byName));
        }
        MediaType type = mediaType(name, bytes, true);
        SourceFormat byContent = MEDIA_TYPES.get(type.getBaseType().toString());
        if (byName != null && byContent != byName) {
            return byName; // a damaged container (zip, OLE): let its parser say what is wrong
        }
        if (byContent == null) {
            throw new IngestException(Reason.of(Problem.UNSUPPORTED, name, type.getBaseType()));
        }
        return byContent;
    }

    /** The media type from the bytes, and from the name too when {@code useName}. */
    private MediaType mediaType(String name, byte[] bytes, boolean useName) throws IngestException {
        Metadata metadata = new Metadata();
        if (useName) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try (InputStream in = TikaInputStream.get(bytes)) {
            return (useName ? detector : magic).detect(in, metadata);
        } catch (IOException e) {
            throw new IngestException(Reason.of(Problem.UNREADABLE, name, e.getMessage()), e);
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
