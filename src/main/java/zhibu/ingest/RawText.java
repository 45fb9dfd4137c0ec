package zhibu.ingest;

/**
 * Text as a reader got it out of a file, before normalization: one line per visual line or paragraph,
 * Markdown-style {@code #} marks on headings, and what the file said about itself in {@code hints}.
 */
public record RawText(String text, SourceFormat format, MetadataHints hints) {
}
