package zhibu.ingest;

/** The formats zhibu reads. {@code visualLines}: lines may be wrapped mid-sentence and need joining. */
public enum SourceFormat {
    TXT(true),
    MARKDOWN(true),
    HTML(false),
    DOCX(false),
    DOC(false),
    ODT(false),
    PDF(true);

    private final boolean visualLines;

    SourceFormat(boolean visualLines) {
        this.visualLines = visualLines;
    }

    public boolean visualLines() {
        return visualLines;
    }
}
