package zhibu.structure;

import java.util.List;
import zhibu.core.DocumentKind;
import zhibu.ingest.IngestedDocument;

/** A document's clauses, or, for an experience compilation, its cases. */
public final class StructureParser {
    private final ClauseParser clauses = new ClauseParser();
    private final CaseSplitter cases = new CaseSplitter();

    public DocumentStructure parse(IngestedDocument doc) {
        if (doc.metadata().kind() == DocumentKind.EXPERIENCE) {
            return new DocumentStructure(List.of(), cases.split(doc.metadata(), doc.body().paragraphs()));
        }
        return new DocumentStructure(clauses.parse(doc.metadata(), doc.body().paragraphs()), List.of());
    }
}
