package zhibu.checklist;

import java.util.List;

/**
 * One obligation found in a clause: the sentence part that states it, what it is about ({@code matter}), who it
 * applies to, how often or how much, under which condition.
 */
public record Requirement(
        String clauseId,
        String docId,
        String docTitle,
        String docNumber,
        List<String> path,
        String clauseText,
        String statement,
        String matter,
        String qualifier,
        String category,
        Frequency frequency,
        Quantity quantity,
        MemberCondition condition,
        List<String> branchTypes) {

    /** Who makes a frequency a different duty (党员领导干部 讲党课 is not the branch's 党课). */
    static final java.util.Set<String> PERSONS = java.util.Set.of("党员领导干部", "领导班子成员", "党支部书记", "支部书记",
            "书记", "副书记", "上级党组织");

    /** What requirements saying the same thing share: the matter and what is measured. */
    public String key() {
        if (frequency != null) {
            return matter + "|frequency|" + (PERSONS.contains(qualifier) ? qualifier : "");
        }
        if (quantity != null) {
            return matter + "|" + quantity.unit() + "|" + qualifier;
        }
        return matter + "|" + statement;
    }
}
