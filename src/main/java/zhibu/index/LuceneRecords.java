package zhibu.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import zhibu.core.BranchType;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.core.Regions;
import zhibu.core.Sentence;

/** Clauses, cases and document metadata as Lucene documents. */
final class LuceneRecords {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    private static final int ALL_TYPES = BranchType.values().length;

    private final FacetsConfig facets = IndexFields.facetsConfig();

    Document clause(Clause clause, DocumentMetadata meta, int order, float[] vector, long wording) throws IOException {
        Document doc = common(UnitKind.CLAUSE, clause.id(), meta, clause.branchTypes(), order);
        doc.add(new Field(IndexFields.TEXT, clause.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(IndexFields.CHARS, clause.text(), Field.Store.NO));
        addVector(doc, IndexFields.VECTOR, vector);
        if (clause.parentId() != null) {
            doc.add(new StringField(IndexFields.PARENT_ID, clause.parentId(), Field.Store.NO));
        }
        doc.add(new TextField(IndexFields.HEADING, headingOf(clause), Field.Store.NO));
        if (clause.heading() != null && clause.heading().length() >= 2
                && clause.heading().length() <= IndexFields.SUGGESTED_HEADING) {
            doc.add(new StringField(IndexFields.SUGGEST, clause.heading(), Field.Store.NO));
        }
        List<String> above = clause.path().subList(0, Math.max(0, clause.path().size() - 1));
        doc.add(new TextField(IndexFields.PATH, String.join(" ", above), Field.Store.NO));
        Traits.of(clause.text()).forEach(t -> doc.add(new StringField(IndexFields.TRAIT, t, Field.Store.NO)));
        doc.add(new FloatDocValuesField(IndexFields.PRIOR, prior(clause, meta)));
        addWording(doc, wording);
        doc.add(new StoredField(IndexFields.JSON, json(clause)));
        return facets.build(doc);
    }

    Document caseOf(Case c, DocumentMetadata meta, int order, float[] vector, long wording) throws IOException {
        Document doc = common(UnitKind.CASE, c.id(), meta, c.branchTypes(), order);
        doc.add(new Field(IndexFields.CASE_TEXT, c.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(IndexFields.CHARS, c.title() + "\n" + c.text(), Field.Store.NO));
        addVector(doc, IndexFields.VECTOR, vector);
        doc.add(new TextField(IndexFields.HEADING, c.title(), Field.Store.NO));
        String unit = c.unit() == null ? "" : c.unit();
        doc.add(new TextField(IndexFields.PATH, unit + " " + String.join(" ", c.topics()), Field.Store.NO));
        for (String topic : c.topics()) {
            doc.add(new StringField(IndexFields.TOPIC, topic, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_TOPIC, topic));
        }
        Traits.of(c.text()).forEach(t -> doc.add(new StringField(IndexFields.TRAIT, t, Field.Store.NO)));
        doc.add(new FloatDocValuesField(IndexFields.PRIOR, statusPrior(meta)));
        addWording(doc, wording);
        doc.add(new StoredField(IndexFields.JSON, json(c)));
        return facets.build(doc);
    }

    Document document(DocumentMetadata meta, String text, String sourcePath, String revision, String sourceName,
                      int order) throws IOException {
        Document doc = common(UnitKind.DOCUMENT, meta.id(), meta, meta.branchTypes(), order);
        doc.add(new Field(IndexFields.DOCUMENT_TEXT, text, TEXT_WITH_OFFSETS));
        doc.add(new StoredField(IndexFields.SUMMARY, text.length() <= IndexFields.SUMMARY_CHARS ? text
                : text.substring(0, IndexFields.SUMMARY_CHARS) + "…"));
        doc.add(new TextField(IndexFields.HEADING, meta.title(), Field.Store.NO));
        doc.add(new TextField(IndexFields.PATH, nullToEmpty(meta.issuer()) + " " + nullToEmpty(meta.docNumber()),
                Field.Store.NO));
        doc.add(new FloatDocValuesField(IndexFields.PRIOR, statusPrior(meta)));
        doc.add(new StoredField(IndexFields.JSON, json(meta)));
        doc.add(new StringField(IndexFields.SOURCE_PATH, sourcePath, Field.Store.YES));
        doc.add(new StringField(IndexFields.SHA256, meta.sha256(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.REVISION, revision == null ? "" : revision));
        doc.add(new StoredField(IndexFields.SOURCE_NAME, sourceName == null ? "" : sourceName));
        return facets.build(doc);
    }

    /**
     * One sentence of a clause or case, searchable by its words, bigrams and vector, and filtered as its unit is (by
     * document and branch type); it stores its text, its unit's id and its place in the unit's text.
     */
    Document sentence(UnitKind unitKind, String unitId, Sentence sentence, DocumentMetadata meta,
                      List<String> types, List<String> topics, float[] vector, long unitWording) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, UnitKind.SENTENCE.label(), Field.Store.NO));
        doc.add(new StringField(IndexFields.UNIT_KIND, unitKind.label(), Field.Store.NO));
        doc.add(new StringField(IndexFields.UNIT, unitId, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.UNIT, new BytesRef(unitId)));
        doc.add(new StringField(IndexFields.DOC_ID, meta.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexFields.DOC_ID, new BytesRef(meta.id())));
        types.forEach(t -> doc.add(new StringField(IndexFields.BRANCH_TYPE, t, Field.Store.NO)));
        topics.forEach(t -> doc.add(new StringField(IndexFields.TOPIC, t, Field.Store.NO)));
        doc.add(new Field(IndexFields.SENTENCE, sentence.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(IndexFields.SENTENCE_CHARS, sentence.text(), Field.Store.NO));
        addWording(doc, nonZero(hash(sentence.text()) ^ unitWording * 0x9E3779B97F4A7C15L));
        doc.add(new StoredField(IndexFields.START, sentence.start()));
        doc.add(new StoredField(IndexFields.END, sentence.end()));
        addVector(doc, IndexFields.SENTENCE_VECTOR, vector);
        return doc;
    }

    private static void addVector(Document doc, String field, float[] vector) {
        if (vector != null) {
            doc.add(new KnnFloatVectorField(field, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
    }

    private static Document common(UnitKind kind, String id, DocumentMetadata meta, List<String> types, int order) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id)));
        doc.add(new StringField(IndexFields.KIND, kind.label(), Field.Store.YES));
        doc.add(new StringField(IndexFields.DOC_ID, meta.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.DOC_ID, new BytesRef(meta.id())));
        doc.add(new TextField(IndexFields.TITLE, meta.title(), Field.Store.NO));
        doc.add(new StoredField(IndexFields.DOC_TITLE_STORED, meta.title()));
        doc.add(new StringField(IndexFields.STATUS, nullToEmpty(meta.status()), Field.Store.YES));
        if (meta.kind() != null) {
            doc.add(new StoredField(IndexFields.DOC_KIND, meta.kind().code()));
        }
        for (String place : Regions.get().namesOf(meta.region())) {
            doc.add(new StringField(IndexFields.PLACE, place, Field.Store.NO));
        }
        for (String type : types) {
            doc.add(new StringField(IndexFields.BRANCH_TYPE, type, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_BRANCH_TYPE, type));
            if (types.size() < ALL_TYPES) {
                doc.add(new StringField(IndexFields.SPECIFIC_TYPE, type, Field.Store.NO));
            }
        }
        doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_DOC_TITLE, meta.title()));
        doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_DOC_ID, meta.id()));
        doc.add(new SortedSetDocValuesFacetField(IndexFields.FACET_KIND, kind.label()));
        doc.add(new NumericDocValuesField(IndexFields.ORDER, order));
        doc.add(new StoredField(IndexFields.ORDER, order));
        return doc;
    }

    /** The wording of a unit's text ({@link IndexFields#WORDING}): equal for copies of one text in any place. */
    static long wording(String text) {
        return nonZero(hash(text));
    }

    /** A record's wording, as doc values (to read it per hit) and as a point (to find its copies). */
    private static void addWording(Document doc, long wording) {
        doc.add(new NumericDocValuesField(IndexFields.WORDING, wording));
        doc.add(new LongPoint(IndexFields.WORDING, wording));
    }

    /** 64 bits of the SHA-256 of a text without whitespace and place names. */
    private static long hash(String text) {
        String folded = Regions.get().withoutPlaces(text).replaceAll("\\s+", "");
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(folded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(sha).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    private static String headingOf(Clause clause) {
        String heading = clause.heading() == null ? "" : clause.heading();
        return clause.path().isEmpty() ? heading : clause.path().get(clause.path().size() - 1) + " " + heading;
    }

    /**
     * Heading-only clauses ("一、总体要求" with nothing under it of its own) and the notice's preamble rank low; so do
     * documents no longer in force.
     */
    private static float prior(Clause clause, DocumentMetadata meta) {
        String text = clause.text().replaceAll("\\s", "");
        String heading = clause.heading() == null ? "" : clause.heading().replaceAll("\\s", "");
        float prior = 1f;
        if (text.length() <= heading.length() + nullToEmpty(clause.number()).length() + 2 || text.length() < 12) {
            prior = 0.3f;
        } else if (clause.id().endsWith(".pre")) {
            prior = 0.7f;
        }
        return prior * statusPrior(meta);
    }

    private static float statusPrior(DocumentMetadata meta) {
        if (meta.status() == null || DocumentMetadata.CURRENT.equals(meta.status())) {
            return 1f;
        }
        return meta.status().contains("废止") ? 0.6f : 0.9f;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
