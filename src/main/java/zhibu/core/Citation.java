package zhibu.core;

import java.util.List;

/** How a clause or a case is cited everywhere (pages, checklists, course packs, exports). */
public final class Citation {
    private Citation() {
    }

    /** 《title》（文号）path, the 文号 left out when there is none. */
    public static String of(String docTitle, String docNumber, List<String> path) {
        return "《" + docTitle + "》" + (docNumber == null || docNumber.isBlank() ? "" : "（" + docNumber + "）")
                + String.join(" ", path);
    }

    /** A case: its title, its unit when stated, and the compilation it is from. */
    public static String of(Case c, String docTitle) {
        return c.title() + (c.unit() == null || c.unit().isBlank() ? "" : "（" + c.unit() + "）")
                + (docTitle == null || docTitle.isBlank() ? "" : "，见《" + docTitle + "》");
    }
}
