package zhibu.ingest;

/** One paragraph of normalized text; {@code headingLevel} is 1–6 for a marked heading, 0 otherwise. */
public record Paragraph(String text, int headingLevel) {
    public boolean isHeading() {
        return headingLevel > 0;
    }
}
