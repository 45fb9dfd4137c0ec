package zhibu.structure;

/**
 * The numbering labels of Chinese official documents, outermost first. {@code rank} orders them in the
 * clause tree; {@code token} names a node of that kind in a clause id.
 */
public enum LabelKind {
    ATTACHMENT(0, "a"),
    MARKDOWN(1, "h"), // rank 1–6 by heading level
    CHAPTER(10, "z"),
    SECTION(11, "j"),
    UNNUMBERED(12, "u"),
    ARTICLE(13, "t"),
    CN_TOP(14, "s"),
    CN_PAREN(15, "p"),
    ARABIC(16, "i"),
    ARABIC_PAREN(17, "q"),
    DASH(18, "d"),
    /** Sentences of a clause addressed to particular branch types (机关党支部…, 高等学校党支部…). */
    TYPED(19, "y"),
    /** Further paragraphs of a clause whose text would run past the length limit. */
    PARAGRAPH(20, "x"),
    PREAMBLE(21, "pre");

    private final int rank;
    private final String token;

    LabelKind(int rank, String token) {
        this.rank = rank;
        this.token = token;
    }

    public int rank() {
        return rank;
    }

    public String token() {
        return token;
    }
}
