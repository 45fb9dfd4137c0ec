package zhibu.core;

import java.util.List;

/** One addressable unit of a document, with the contract's fields. */
public record Clause(
        String id,
        String docId,
        String docTitle,
        String number,
        String heading,
        List<String> path,
        String text,
        String parentId,
        String prevId,
        String nextId,
        List<String> branchTypes) {

    public Clause {
        path = List.copyOf(path);
        branchTypes = List.copyOf(branchTypes);
    }
}
