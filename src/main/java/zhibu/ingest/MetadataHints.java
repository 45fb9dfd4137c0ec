package zhibu.ingest;

/** Metadata a file states outside its text (HTML meta tags, an article's info line); any may be null. */
public record MetadataHints(String title, String issuer, String date) {
    public static final MetadataHints NONE = new MetadataHints(null, null, null);
}
