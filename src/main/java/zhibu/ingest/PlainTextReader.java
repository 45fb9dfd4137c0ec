package zhibu.ingest;

/** TXT and Markdown: the encoding is detected, never assumed. */
final class PlainTextReader {
    private static final double MIN_PROSE_SCORE = 0.6;

    RawText read(String name, byte[] bytes, SourceFormat format) throws IngestException {
        String text = TextDecoder.decode(bytes);
        if (TextDecoder.proseScore(text) < MIN_PROSE_SCORE) {
            throw new IngestException(name + " does not contain readable text in any encoding zhibu knows"
                    + " (UTF-8, GB18030/GBK, UTF-16).");
        }
        return new RawText(text, format, MetadataHints.NONE);
    }
}
