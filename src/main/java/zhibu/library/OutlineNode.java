package zhibu.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zhibu.core.Clause;

/** One entry of a document's outline: a clause and the clauses under it. */
public record OutlineNode(String id, String number, String heading, List<OutlineNode> children) {

    /** The clause tree of a document, from its clauses in document order. */
    public static List<OutlineNode> of(List<Clause> clauses) {
        Map<String, List<OutlineNode>> childrenOf = new LinkedHashMap<>();
        List<OutlineNode> roots = new ArrayList<>();
        Map<String, OutlineNode> byId = new LinkedHashMap<>();
        for (Clause c : clauses) {
            List<OutlineNode> children = new ArrayList<>();
            childrenOf.put(c.id(), children);
            OutlineNode node = new OutlineNode(c.id(), c.number(), label(c), children);
            byId.put(c.id(), node);
            List<OutlineNode> siblings = c.parentId() == null ? null : childrenOf.get(c.parentId());
            (siblings == null ? roots : siblings).add(node);
        }
        return roots;
    }

    private static String label(Clause c) {
        if (c.heading() != null && !c.heading().isBlank()) {
            return c.heading();
        }
        String last = c.path().isEmpty() ? "" : c.path().get(c.path().size() - 1);
        return last.length() > 40 ? last.substring(0, 40) + "…" : last;
    }
}
