package zhibu.core;

import java.util.List;

/** One exemplary experience out of a compilation. */
public record Case(
        String id,
        String docId,
        String title,
        String text,
        String unit,
        List<String> branchTypes,
        List<String> topics) {

    public Case {
        branchTypes = List.copyOf(branchTypes);
        topics = List.copyOf(topics);
    }
}
