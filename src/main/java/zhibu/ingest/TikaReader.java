package zhibu.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToXMLContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.xml.sax.SAXException;

/**
 * Word (DOCX, DOC), OpenDocument text and PDF through Tika. Office documents keep their paragraphs and
 * heading styles (as {@code #} marks); PDFs come as visual lines for the normalizer to rebuild.
 */
final class TikaReader {
    /** Fewer visible characters than this per page means the pages are pictures. */
    private static final int MIN_CHARS_PER_PAGE = 20;

    private final Parser parser = new AutoDetectParser();

    RawText read(String name, byte[] bytes, SourceFormat format) throws IngestException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        String text = format == SourceFormat.PDF ? pdfText(bytes, name, metadata) : officeText(bytes, name, metadata);
        if (format == SourceFormat.PDF) {
            int pages = Math.max(1, parseIntOr(metadata.get("xmpTPg:NPages"), 1));
            long visible = text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isDigit(c)).count();
            if (visible < (long) MIN_CHARS_PER_PAGE * pages) {
                throw new IngestException(Reason.of(Problem.NEEDS_OCR, name));
            }
        }
        if (text.isBlank()) {
            throw new IngestException(Reason.of(Problem.NO_TEXT, name));
        }
        String declaredTitle = metadata.get(TikaCoreProperties.TITLE);
        return new RawText(text, format, new MetadataHints(declaredTitle, null, null));
    }

    private String pdfText(byte[] bytes, String name, Metadata metadata) throws IngestException {
        BodyContentHandler handler = new BodyContentHandler(-1);
        parse(bytes, name, metadata, handler, SourceFormat.PDF);
        return handler.toString();
    }

    private String officeText(byte[] bytes, String name, Metadata metadata) throws IngestException {
        ToXMLContentHandler handler = new ToXMLContentHandler();
        parse(bytes, name, metadata, handler, null);
        Element body = Jsoup.parse(handler.toString()).body();
        body.select("div.header, div.footer, .embedded, div.annotation, div.comment").remove();
        return String.join("\n", HtmlBlocks.lines(body));
    }

    private void parse(byte[] bytes, String name, Metadata metadata, org.xml.sax.ContentHandler handler,
                       SourceFormat format) throws IngestException {
        try (InputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new IngestException(Reason.of(Problem.PASSWORD, name), e);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            String kind = format == SourceFormat.PDF ? "PDF" : FormatDetector.extension(name).toUpperCase();
            throw new IngestException(Reason.of(Problem.DAMAGED, name, kind), e);
        }
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
