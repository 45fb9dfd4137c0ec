package zhibu.index;

import org.apache.lucene.facet.FacetsConfig;

/** Names of the index's fields, and the facet dimensions. */
public final class IndexFields {
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String DOC_ID = "docId";
    /**
     * The unit's own text, in a field of its kind (clause, case, document) so that each kind has its own length
     * statistics: a 3,000-character case is long for a clause but ordinary for a case. Offsets are indexed for
     * highlights.
     */
    public static final String TEXT = "text";
    public static final String CASE_TEXT = "caseText";
    public static final String DOCUMENT_TEXT = "documentText";
    /** On document records: the first characters of the text, what a document hit shows (never the whole text). */
    public static final String SUMMARY = "summary";
    public static final int SUMMARY_CHARS = 300;
    public static final java.util.List<String> TEXT_FIELDS = java.util.List.of(TEXT, CASE_TEXT, DOCUMENT_TEXT);
    /** The same text as characters and character bigrams ({@code CharsAnalyzer}); a case's title comes first. */
    public static final String CHARS = "chars";
    /** A clause's or case's vector (unit length; the dot product is the cosine). */
    public static final String VECTOR = "vector";

    /**
     * Sentence records: each sentence of a clause or case, its words, characters and vector, the unit it belongs to
     * ({@link #UNIT}, with {@link #UNIT_KIND}) and its place in the unit's text ({@link #START}, {@link #END}).
     */
    public static final String SENTENCE = "sentence";
    public static final String SENTENCE_CHARS = "sentenceChars";
    public static final String SENTENCE_VECTOR = "sentenceVector";
    public static final String UNIT = "unit";
    public static final String UNIT_KIND = "unitKind";
    public static final String START = "start";
    public static final String END = "end";

    /** The heading the clause opens with, with its number; a case's or document's title. */
    public static final String HEADING = "heading";
    /** A short clause heading as one term ("三会一课"), for suggestions: its terms are the corpus's headings. */
    public static final String SUGGEST = "suggest";
    /** Longer headings are sentences, not names of a matter. */
    public static final int SUGGESTED_HEADING = 14;
    /** The headings above the unit (not the document title); a case's topics and unit. */
    public static final String PATH = "path";
    public static final String TITLE = "title";
    /** The id of the clause a clause sits in (absent at the top of a document). */
    public static final String PARENT_ID = "parentId";
    /** The document title as stored on every record (cases carry no title of their document). */
    public static final String DOC_TITLE_STORED = "docTitleStored";
    /** Place names the document speaks for: its region at every level, full and short (陕西省, 陕西, 西安市, 西安). */
    public static final String PLACE = "place";
    public static final String BRANCH_TYPE = "branchType";
    /** The branch types of a unit addressed to some types only (absent when it applies to all of them). */
    public static final String SPECIFIC_TYPE = "specificType";
    /** What a unit states: {@code frequency} (每季度1次) and/or {@code amount} (不少于200元). */
    public static final String TRAIT = "trait";
    public static final String STATUS = "status";
    /** The kind of the unit's document (policy, regulation, experience), stored on every record. */
    public static final String DOC_KIND = "docKind";
    public static final String TOPIC = "topic";
    /** A multiplier on the score: low for heading-only clauses and for documents no longer in force. */
    public static final String PRIOR = "prior";
    /**
     * A unit's wording: a hash of its text without whitespace and place names; a sentence's, of its text and its
     * unit's wording. Copies of one rule, in many documents or twice in one, share it and rank once. Kept as numeric
     * doc values (read per hit) and as a point (to find a wording's copies).
     */
    public static final String WORDING = "wording";
    /** Position of the unit in the corpus, for listing without a query. */
    public static final String ORDER = "order";
    /** The record as JSON (clause, case or document metadata). */
    public static final String JSON = "json";
    /** On document records: the absolute path of the source file and the SHA-256 of its bytes. */
    public static final String SOURCE_PATH = "sourcePath";
    public static final String SHA256 = "sha256";
    /** On document records: a hash of what besides the bytes made the record (MANIFEST row, corrections). */
    public static final String REVISION = "revision";
    /** On document records: the name the document's file goes by (an upload's own name, not its stored one). */
    public static final String SOURCE_NAME = "sourceName";

    public static final String FACET_DOC_TITLE = "docTitle";
    /** By document id: titles repeat across places (every city has its 实施意见), ids do not. */
    public static final String FACET_DOC_ID = "docId";
    public static final String FACET_BRANCH_TYPE = "branchType";
    public static final String FACET_KIND = "kind";
    public static final String FACET_TOPIC = "topic";

    private IndexFields() {
    }

    public static String textField(UnitKind kind) {
        return switch (kind) {
            case CLAUSE -> TEXT;
            case CASE -> CASE_TEXT;
            case DOCUMENT -> DOCUMENT_TEXT;
            case SENTENCE -> SENTENCE;
        };
    }

    /** Records by document, then in the order they stand in it: for listing without a question. */
    public static final org.apache.lucene.search.Sort DOCUMENT_ORDER = new org.apache.lucene.search.Sort(
            new org.apache.lucene.search.SortField(DOC_ID, org.apache.lucene.search.SortField.Type.STRING),
            new org.apache.lucene.search.SortField(ORDER, org.apache.lucene.search.SortField.Type.LONG));

    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FACET_BRANCH_TYPE, true);
        config.setMultiValued(FACET_TOPIC, true);
        return config;
    }
}
