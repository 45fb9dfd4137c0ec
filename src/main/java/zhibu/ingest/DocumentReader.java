package zhibu.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import zhibu.core.DocumentMetadata;

/** Any supported file to clean text and metadata; the one entry point of ingestion. */
public final class DocumentReader {
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

    public IngestedDocument read(Path file) throws IngestException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IngestException(name + " is not a readable file.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IngestException(name + " cannot be read: " + e.getMessage() + ".", e);
        }
        if (bytes.length == 0) {
            throw new IngestException(name + " is empty.");
        }
        SourceFormat format = detector.detect(name, bytes);
        RawText raw = switch (format) {
            case TXT, MARKDOWN -> plainText.read(name, bytes, format);
            case HTML -> html.read(name, bytes);
            case DOCX, DOC, ODT, PDF -> tika.read(name, bytes, format);
        };
        NormalizedText body = normalizer.normalize(raw);
        if (body.paragraphs().isEmpty()) {
            throw new IngestException(name + " contains no text.");
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

    /** Every document file under {@code root} (or {@code root} itself), in path order; a bad file fails alone. */
    public List<Outcome> readAll(Path root) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : documentFiles(root)) {
            try {
                outcomes.add(new Outcome(file, read(file), null));
            } catch (IngestException e) {
                outcomes.add(new Outcome(file, null, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** Regular files under root, leaving out MANIFEST.tsv and hidden files. */
    public static List<Path> documentFiles(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(Manifest.FILE_NAME))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static Optional<Manifest.Entry> manifestEntry(Path file) throws IngestException {
        try {
            return Manifest.entryFor(file);
        } catch (IOException e) {
            throw new IngestException("the MANIFEST.tsv beside " + file.getFileName() + " cannot be read: "
                    + e.getMessage() + ".", e);
        }
    }
}
