package zhibu.checklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A checklist as printed tables: the branch's own items (序号, 类别, 要求, 责任, 频次, 依据, 完成情况 left blank), then
 * what it can expect from the bodies above and its unit, and — when its region was not given — what local documents
 * say (各地做法), each in a section of its own. Every format (text, DOCX, XLSX, HTML) prints these.
 */
public final class ChecklistTable {
    public static final List<String> HEADER = List.of("序号", "类别", "要求", "责任", "频次", "依据", "完成情况");
    /** Relative column widths, in characters: 类别 never wraps per character, 完成情况 has room to write in. */
    public static final int[] WIDTHS = {5, 9, 48, 8, 9, 36, 14};
    public static final String OWN = "本支部工作清单";
    public static final String HIGHER = "上级和单位的职责（供对照，不由本支部完成）";
    public static final String REFERENCES = "各地做法（参考，不作为本支部的要求）";

    /** A section of the printed checklist, its rows numbered from 1, and the short name of its sheet in a workbook. */
    public record Section(String title, String sheet, List<Row> rows) {
    }

    /** One printed row: 序号 as a number, the other cells as text (lines separated by \n). */
    public record Row(int number, String category, String requirement, String duty, String frequency, String basis) {
        public List<String> cells() {
            return List.of(String.valueOf(number), category, requirement, duty, frequency, basis, "");
        }
    }

    private ChecklistTable() {
    }

    public static String title(Profile profile) {
        return profile.branchType() + "党支部（" + profile.members() + "名正式党员）标准化规范化建设清单";
    }

    /** The profile and the date, printed under the title. */
    public static String subtitle(Profile profile, LocalDate date) {
        List<String> parts = new ArrayList<>();
        parts.add("支部类型：" + profile.branchType());
        parts.add("所在地区：" + (profile.region() == null ? "未指定（只列中央规定）" : profile.region()));
        if (profile.campus() != null) {
            parts.add(profile.campus() + "党支部");
        }
        parts.add("正式党员：" + profile.members() + "名");
        parts.add(profile.partyGroups() ? "设有党小组" : "未设党小组");
        parts.add(profile.leaders() ? "有党员领导干部" : "无党员领导干部");
        parts.add("生成日期：" + date);
        return String.join("　", parts);
    }

    public static List<Section> sections(Checklist checklist) {
        List<Row> own = new ArrayList<>();
        List<Row> higher = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            List<Row> rows = item.duty() == Duty.HIGHER ? higher : own;
            rows.add(row(rows.size() + 1, item));
        }
        List<Row> references = new ArrayList<>();
        for (ChecklistItem item : checklist.references()) {
            references.add(row(references.size() + 1, item));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(OWN, "本支部清单", own));
        if (!higher.isEmpty()) {
            sections.add(new Section(HIGHER, "上级和单位职责", higher));
        }
        if (!references.isEmpty()) {
            sections.add(new Section(REFERENCES, "各地做法", references));
        }
        return sections;
    }

    private static Row row(int number, ChecklistItem item) {
        return new Row(number, item.category(), requirement(item), item.holder(), frequency(item), basis(item));
    }

    public static String frequency(ChecklistItem item) {
        return item.frequency() == null ? "" : item.frequency().label();
    }

    /** The requirement as printed: 可选 for an option, a table's rows, the other documents' wording when they differ. */
    public static String requirement(ChecklistItem item) {
        StringBuilder out = new StringBuilder(item.optional() ? "（可选）" : "").append(item.requirement());
        for (ChecklistItem.Row row : item.rows()) {
            out.append("\n· ").append(row.text());
        }
        if (!item.variants().isEmpty()) {
            out.append("\n（各文件规定不同：").append(item.variants().stream().map(v -> v.requirement() + "——"
                            + v.sources().stream().map(s -> "《" + s.docTitle() + "》").distinct()
                            .collect(Collectors.joining("、")))
                    .collect(Collectors.joining("；"))).append("；从严执行）");
        }
        return out.toString();
    }

    /** 《title》（文号）path, one per source. */
    public static String basis(ChecklistItem item) {
        return item.sources().stream().map(ChecklistTable::citation).collect(Collectors.joining("\n"));
    }

    /** 《title》（文号）path, with the place of a local document: 〔湖南省〕《…》. */
    public static String citation(ChecklistItem.Source s) {
        String place = s.region() == null || s.region().isBlank() || s.region().equals(zhibu.core.Regions.NATIONAL) ? ""
                : "〔" + s.region() + "〕";
        return place + zhibu.core.Citation.of(s.docTitle(), s.docNumber(), s.path());
    }
}
