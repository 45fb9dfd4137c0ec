package zhibu.checklist;

import java.util.List;
import zhibu.core.Frequency;
import zhibu.core.Quantity;

/**
 * One requirement found in a clause: a sentence of it, or the piece of one that states one duty with its own subject
 * ({@code sentence}, as written; {@code statement}, as a checklist shows it — with the subject a sentence leaves out
 * written in, and only one holder of a sentence that names several); what it is about ({@code terms}: the domain
 * terms, e.g. 支委会; {@code matter}: its row of the coverage table; {@code matters}: every row it touches); who must
 * do it ({@code duty}, and {@code holder} as the text names them: 党支部书记, 高校党委, 单位) and with whom
 * ({@code partner}: 班子成员, 党员); whether it is only an option; how often or how much; under which condition on the
 * number of members or on the branch's structure ({@code structure}: committee, no-committee); the branch types it
 * applies to; and the region of its document, which decides whom it binds.
 */
public record Requirement(
        String clauseId,
        String docId,
        String docTitle,
        String docNumber,
        String region,
        List<String> path,
        String clauseText,
        String sentence,
        String statement,
        List<String> terms,
        Matters.Matter matter,
        List<String> matters,
        Duty duty,
        String holder,
        String partner,
        boolean optional,
        String person,
        Frequency frequency,
        Quantity quantity,
        MemberCondition condition,
        String structure,
        List<String> branchTypes) {

    /** The terms as an item's title: 支委会、党小组会. */
    public String title() {
        return terms.isEmpty() ? matter.name() : String.join("、", terms);
    }
}
