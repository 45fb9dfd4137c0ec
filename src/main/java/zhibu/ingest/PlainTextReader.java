package zhibu.ingest;

/** TXT and Markdown: the encoding is detected, never assumed. */
final class PlainTextReader {
    private static final double MIN_PROSE_SCORE = 0.6;

    RawText read(String name, byte[] bytes, SourceFormat format) throws IngestException {
        String text = TextDecoder.decode(bytes);
        if (TextDecoder.proseScore(text) < MIN_PROSE_SCORE) {
            throw new IngestException(Reason.of(Problem.NO_READABLE_TEXT, name));
        }
        return new RawText(text, format, MetadataHints.NONE);
    }
}
