package zhibu.checklist;

import java.util.List;
import zhibu.core.Frequency;
import zhibu.core.Quantity;

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
    static final java.util.Set<String> PERSONS = zhibu.core.DutyHolders.PERSONS;

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
