package zhibu.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A checklist as the rows of its printed table: 序号, 类别, 要求, 频次, 依据, 完成情况 (left blank). */
public final class ChecklistTable {
    public static final List<String> HEADER = List.of("序号", "类别", "要求", "频次", "依据", "完成情况");

    private ChecklistTable() {
    }

    public static String title(Profile profile) {
        return profile.branchType() + "党支部（" + profile.members() + "名正式党员）标准化规范化建设清单";
    }

    public static List<List<String>> rows(Checklist checklist) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (ChecklistItem item : checklist.items()) {
            rows.add(List.of(String.valueOf(n++), item.category(), requirement(item),
                    item.frequency() == null ? "" : item.frequency().label(), basis(item), ""));
        }
        return rows;
    }

    /** The requirement, with the other documents' wording when they differ. */
    public static String requirement(ChecklistItem item) {
        if (item.variants().isEmpty()) {
            return item.requirement();
        }
        return item.requirement() + "（各文件规定不同："
                + item.variants().stream().map(v -> v.requirement() + "——" + v.sources().stream()
                        .map(s -> "《" + s.docTitle() + "》").distinct().collect(Collectors.joining("、")))
                        .collect(Collectors.joining("；")) + "；从严执行）";
    }

    /** 《title》（文号）path, one per source. */
    public static String basis(ChecklistItem item) {
        return item.sources().stream().map(ChecklistTable::citation).collect(Collectors.joining("\n"));
    }

    public static String citation(ChecklistItem.Source s) {
        return "《" + s.docTitle() + "》" + (s.docNumber() == null || s.docNumber().isBlank() ? "" : "（" + s.docNumber() + "）")
                + String.join(" ", s.path());
    }
}
