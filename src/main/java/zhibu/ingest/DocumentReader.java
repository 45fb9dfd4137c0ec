package zhibu.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import zhibu.core.DocumentMetadata;

/**
 * Any supported file to clean text and metadata, in this process: the one entry point of ingestion. Files from
 * outside (uploads, folders of unknown origin) go through {@link ForkedParser}, which runs this in a child process
 * with a memory bound and a time limit.
 */
public final class DocumentReader implements DocumentParser {
    private final FormatDetector detector = new FormatDetector();
    private final PlainTextReader plainText = new PlainTextReader();
    private final HtmlArticleReader html = new HtmlArticleReader();
    private final TikaReader tika = new TikaReader();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final MetadataExtractor extractor = new MetadataExtractor();
    private final boolean consultManifest;

    /** @param consultManifest whether a MANIFEST.tsv beside the file overrides the extracted metadata */
    public DocumentReader(boolean consultManifest) {
        this.consultManifest = consultManifest;
    }

    public DocumentReader() {
        this(true);
    }

    @Override
    public IngestedDocument read(Path file, String fileName) throws IngestException {
        String name = Names.printable(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IngestException(Reason.of(Problem.NOT_A_FILE, name));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IngestException(Reason.of(Problem.UNREADABLE, name, e.getMessage()), e);
        }
        if (bytes.length == 0) {
            throw new IngestException(Reason.of(Problem.EMPTY, name));
        }
        SourceFormat format = detector.detect(name, bytes);
        RawText raw = switch (format) {
            case TXT, MARKDOWN -> plainText.read(name, bytes, format);
            case HTML -> html.read(name, bytes);
            case DOCX, DOC, ODT, PDF -> tika.read(name, bytes, format);
        };
        NormalizedText body = normalizer.normalize(raw);
        if (body.paragraphs().isEmpty()) {
            throw new IngestException(Reason.of(Problem.NO_TEXT, name));
        }
        DocumentMetadata extracted = extractor.extract(body, raw.hints(), name, DocumentIds.sha256Hex(bytes));
        DocumentMetadata metadata = consultManifest
                ? manifestEntry(file).map(e -> e.applyTo(extracted)).orElse(extracted)
                : extracted;
        return new IngestedDocument(metadata, body);
    }

    /** One file's outcome when a whole folder is read: the document, or the one-sentence reason it failed. */
    public record Outcome(Path file, IngestedDocument document, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Every document file under {@code root} (or {@code root} itself), in path order, as {@link DocumentFiles} picks
     * them; a bad file fails alone. Files skipped by rule are left out.
     */
    public List<Outcome> readAll(Path root) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (DocumentFiles.Found found : DocumentFiles.under(root)) {
            if (found.isSkipped()) {
                continue;
            }
            try {
                outcomes.add(new Outcome(found.file(), read(found.file()), null));
            } catch (IngestException e) {
                outcomes.add(new Outcome(found.file(), null, e.getMessage()));
            }
        }
        return outcomes;
    }

    private static Optional<Manifest.Entry> manifestEntry(Path file) throws IngestException {
        try {
            return Manifest.entryFor(file);
        } catch (IOException e) {
            throw new IngestException(Reason.of(Problem.MANIFEST_UNREADABLE, file, e.getMessage()), e);
        }
    }
}
