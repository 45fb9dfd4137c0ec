package zhibu.checklist;

import java.util.List;
import zhibu.core.Frequency;

/** One line of a checklist, with the contract's fields; {@code requirement} follows the strictest variant. */
public record ChecklistItem(String id, String category, String title, String requirement, Frequency frequency,
                            List<Source> sources, List<Variant> variants) {

    /** Where a requirement is written. */
    public record Source(String clauseId, String docTitle, String docNumber, List<String> path, String text) {
    }

    /** One of the ways the sources state the requirement, when they differ. */
    public record Variant(String requirement, Frequency frequency, List<Source> sources) {
    }
}
