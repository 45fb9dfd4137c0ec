package zhibu.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** Clean paragraphs of a document, and the 版记 lines (抄送, 印发) kept out of them. */
public record NormalizedText(List<Paragraph> paragraphs, List<String> trailer) {
    public NormalizedText {
        paragraphs = List.copyOf(paragraphs);
        trailer = List.copyOf(trailer);
    }

    /** The body text: one line per paragraph. */
    public String text() {
        return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n"));
    }
}
