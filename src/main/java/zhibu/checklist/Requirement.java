package zhibu.checklist;

import java.util.List;
import zhibu.core.Frequency;
import zhibu.core.Quantity;

/**
 * One requirement found in a clause: a whole sentence of it (or a part of a sentence that lists several duties, each
 * with its own subject), what it is about ({@code terms}: the domain terms, e.g. 支委会 and 党小组会;
 * {@code matter}: its row of the coverage table, the one its number's own part names first; {@code matters}: every
 * row it touches), who must do it, whether it is only an option (可以, 提倡, 鼓励), how
 * often or how much, under which condition on the number of members, and the branch types it applies to.
 */
public record Requirement(
        String clauseId,
        String docId,
        String docTitle,
        String docNumber,
        List<String> path,
        String clauseText,
        String statement,
        List<String> terms,
        Matters.Matter matter,
        List<String> matters,
        Duty duty,
        boolean optional,
        String person,
        Frequency frequency,
        Quantity quantity,
        MemberCondition condition,
        List<String> branchTypes) {

    /** The terms as an item's title: 支委会、党小组会. */
    public String title() {
        return terms.isEmpty() ? matter.name() : String.join("、", terms);
    }

    /** What requirements saying the same thing share: who, about what, and what is measured. */
    public String key() {
        String who = duty.label() + "|" + person + "|" + optional + "|" + title();
        if (terms.isEmpty()) {
            return who + "|" + statement; // nothing names what it is about: only the same sentence is the same duty
        }
        if (frequency != null) {
            return who + "|frequency";
        }
        if (quantity != null) {
            return who + "|" + quantity.unit();
        }
        return who + "|" + statement;
    }
}
