package zhibu.structure;

import java.util.List;
import zhibu.core.Case;
import zhibu.core.Clause;

/** What the structure stage makes of a document: its clauses in document order, and its cases. */
public record DocumentStructure(List<Clause> clauses, List<Case> cases) {
    public DocumentStructure {
        clauses = List.copyOf(clauses);
        cases = List.copyOf(cases);
    }
}
