package zhibu.packs;

import static zhibu.export.Html.escape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import zhibu.export.WordPages;

/**
 * A pack as a Word document (title page, table of contents, one section per item with its citation, the trainer's
 * notes set apart, page numbers), as Markdown, and as a printable A4 page. Headings are level 1, clauses and cases
 * level 2 and numbered in order; a clause listing bands also gets them as a table.
 */
public final class PackWriters {
    private static final int MARGIN = 1418; // 2.5 cm
    private static final String NOTE_LABEL = "讲师备注";

    private PackWriters() {
    }

    /** An item's line in the table of contents (level 0: not listed), with the number of a clause or case. */
    record Entry(int level, String number, String label) {
        String line() {
            return (number.isEmpty() ? "" : number + " ") + label;
        }

        boolean listed() {
            return level > 0;
        }
    }

    /** Headings at level 1; clauses and cases at level 2, numbered 1, 2, 3… through the pack; notes not listed. */
    static List<Entry> entries(Pack pack) {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (PackItem item : pack.items()) {
            out.add(switch (item.type()) {
                case HEADING -> new Entry(1, "", item.text());
                case CLAUSE, CASE -> new Entry(2, ++n + ".", (item.type() == ItemType.CASE ? "案例：" : "") + item.label());
                case NOTE -> new Entry(0, "", item.text());
            });
        }
        return out;
    }

    static String subtitle(Pack pack, LocalDate date) {
        return (pack.audience() == null ? "适用于各类型党支部" : "适用于" + pack.audience() + "党支部") + " · "
                + date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public static byte[] docx(Pack pack, LocalDate date) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            normalStyle(styles);
            headingStyle(styles, "Heading1", "heading 1", 0, 32);
            headingStyle(styles, "Heading2", "heading 2", 1, 28);
            WordPages.a4(doc, false, MARGIN);
            pageNumbers(doc);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(3600);
            title.setSpacingAfter(600);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(26);
            t.setText(pack.title());
            centered(doc, "课程包", 14, false);
            centered(doc, subtitle(pack, date), 12, false);
            if (!pack.description().isBlank()) {
                XWPFParagraph d = doc.createParagraph();
                d.setSpacingBefore(600);
                d.setAlignment(ParagraphAlignment.CENTER);
                d.createRun().setText(pack.description());
            }
            XWPFParagraph foot = centered(doc, "支部通 编制 · 条文均注明出处，引用前请核对原文", 9, true);
            foot.setSpacingBefore(2400);
            foot.createRun().addBreak(BreakType.PAGE);

            List<Entry> entries = entries(pack);
            XWPFParagraph tocTitle = doc.createParagraph();
            tocTitle.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun tr = tocTitle.createRun();
            tr.setBold(true);
            tr.setFontSize(16);
            tr.setText("目录");
            tableOfContents(doc, entries.stream().filter(Entry::listed).toList());
            doc.createParagraph().createRun().addBreak(BreakType.PAGE);

            for (int i = 0; i < pack.items().size(); i++) {
                PackItem item = pack.items().get(i);
                Entry entry = entries.get(i);
                switch (item.type()) {
                    case HEADING -> {
                        XWPFParagraph h = doc.createParagraph();
                        h.setStyle("Heading1");
                        h.createRun().setText(item.text());
                    }
                    case NOTE -> note(doc, item.text());
                    case CLAUSE, CASE -> {
                        XWPFParagraph h = doc.createParagraph();
                        h.setStyle("Heading2");
                        h.createRun().setText(entry.line());
                        for (String line : paragraphs(item.text())) {
                            XWPFParagraph p = doc.createParagraph();
                            p.setIndentationFirstLine(480);
                            p.setSpacingAfter(60);
                            p.createRun().setText(line);
                        }
                        if (!item.rows().isEmpty()) {
                            bands(doc, item.rows());
                        }
                        XWPFParagraph cite = doc.createParagraph();
                        cite.setSpacingAfter(240);
                        XWPFRun c = cite.createRun();
                        c.setItalic(true);
                        c.setFontSize(9);
                        c.setColor("595959");
                        c.setText("出处：" + item.citation());
                    }
                }
            }
            doc.enforceUpdateFields(); // Word fills in the contents' page numbers when it opens the file
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A clause's or case's text as paragraphs: its lines, stripped, blank ones left out. */
    static List<String> paragraphs(String text) {
        return text == null ? List.of()
                : java.util.Arrays.stream(text.split("\n+")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static XWPFParagraph centered(XWPFDocument doc, String text, int size, boolean grey) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setFontSize(size);
        if (grey) {
            r.setColor("7F7F7F");
        }
        r.setText(text);
        return p;
    }

    /** The default paragraph style, which every reader expects a document to have. */
    private static void normalStyle(XWPFStyles styles) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Normal");
        style.setType(STStyleType.PARAGRAPH);
        style.setDefault(true);
        style.addNewName().setVal("Normal");
        style.addNewQFormat();
        style.addNewRPr().addNewSz().setVal(BigInteger.valueOf(24));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /** A paragraph style Word lists as a heading and puts in the contents, at an outline level. */
    private static void headingStyle(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewNext().setVal("Normal");
        style.addNewUiPriority().setVal(BigInteger.valueOf(9));
        style.addNewQFormat();
        CTPPrGeneral p = style.addNewPPr();
        p.addNewKeepNext();
        p.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        p.addNewSpacing().setBefore(BigInteger.valueOf(level == 0 ? 360 : 240));
        CTRPr r = style.addNewRPr();
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /** The TOC field, its cached result the entries (so every reader shows them) until Word adds page numbers. */
    private static void tableOfContents(XWPFDocument doc, List<Entry> entries) {
        XWPFParagraph first = doc.createParagraph();
        fieldChar(first, STFldCharType.BEGIN);
        CTText instr = first.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
        instr.setSpace(SpaceAttribute.Space.PRESERVE);
        fieldChar(first, STFldCharType.SEPARATE);
        XWPFParagraph last = first;
        for (int i = 0; i < entries.size(); i++) {
            XWPFParagraph p = i == 0 ? first : doc.createParagraph();
            p.setIndentationLeft(entries.get(i).level() == 1 ? 0 : 420);
            p.createRun().setText(entries.get(i).line());
            last = p;
        }
        fieldChar(last, STFldCharType.END);
    }

    private static void fieldChar(XWPFParagraph p, STFldCharType.Enum type) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(type);
    }

    /** 第 N 页 at the foot of every page. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("第 ");
        fieldChar(p, STFldCharType.BEGIN);
        CTText instr = p.createRun().getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(SpaceAttribute.Space.PRESERVE);
        fieldChar(p, STFldCharType.SEPARATE);
        p.createRun().setText("1");
        fieldChar(p, STFldCharType.END);
        p.createRun().setText(" 页");
    }

    /** The trainer's note: shaded, ruled at the left, labelled, in another colour. */
    private static void note(XWPFDocument doc, String text) {
        boolean firstLine = true;
        for (String line : text.split("\n")) {
            XWPFParagraph p = doc.createParagraph();
            p.setBorderLeft(Borders.THICK);
            p.setIndentationLeft(240);
            p.setSpacingAfter(firstLine ? 60 : 0);
            CTPPr properties = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
            CTShd shd = properties.isSetShd() ? properties.getShd() : properties.addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setFill("EAF1F8");
            if (firstLine) {
                XWPFRun label = p.createRun();
                label.setBold(true);
                label.setColor("1F4E79");
                label.setText(NOTE_LABEL + "：");
                firstLine = false;
            }
            XWPFRun r = p.createRun();
            r.setItalic(true);
            r.setColor("1F4E79");
            r.setText(line);
        }
        doc.createParagraph().setSpacingAfter(120);
    }

    private static void bands(XWPFDocument doc, List<String> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, 2);
        table.setWidth("100%");
        table.getRow(0).getCell(0).setText("档次");
        table.getRow(0).getCell(1).setText("标准");
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < rows.size(); i++) {
            table.getRow(i + 1).getCell(0).setText(String.valueOf(i + 1));
            table.getRow(i + 1).getCell(1).setText(rows.get(i));
        }
    }

    public static String markdown(Pack pack, LocalDate date) {
        StringBuilder out = new StringBuilder("# ").append(pack.title()).append("\n\n")
                .append("*").append(subtitle(pack, date)).append("*\n\n");
        if (!pack.description().isBlank()) {
            out.append(pack.description()).append("\n\n");
        }
        List<Entry> entries = entries(pack);
        out.append("## 目录\n\n");
        for (Entry e : entries) {
            if (e.listed()) {
                out.append(e.level() == 1 ? "- " : "  - ").append(e.line()).append("\n");
            }
        }
        out.append("\n");
        for (int i = 0; i < pack.items().size(); i++) {
            PackItem item = pack.items().get(i);
            switch (item.type()) {
                case HEADING -> out.append("## ").append(item.text()).append("\n\n");
                case NOTE -> out.append("> **").append(NOTE_LABEL).append("：**")
                        .append(String.join("\n> ", item.text().split("\n"))).append("\n\n");
                case CLAUSE, CASE -> {
                    out.append("### ").append(entries.get(i).line()).append("\n\n");
                    paragraphs(item.text()).forEach(line -> out.append(line).append("\n\n"));
                    if (!item.rows().isEmpty()) {
                        out.append("| 档次 | 标准 |\n|---|---|\n");
                        for (int r = 0; r < item.rows().size(); r++) {
                            out.append("| ").append(r + 1).append(" | ").append(item.rows().get(r).replace("|", "\\|")).append(" |\n");
                        }
                        out.append("\n");
                    }
                    out.append("出处：").append(item.citation()).append("\n\n");
                }
            }
        }
        return out.toString();
    }

    /** A printable A4 page (print styles in app.css). */
    public static String html(Pack pack, LocalDate date) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(pack.title())).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/app.css\"></head><body class=\"print-page pack-print\"><main>")
                .append("<header class=\"pack-cover\"><h1>").append(escape(pack.title())).append("</h1>")
                .append("<p class=\"meta\">").append(escape(subtitle(pack, date))).append("</p>");
        if (!pack.description().isBlank()) {
            out.append("<p>").append(escape(pack.description())).append("</p>");
        }
        out.append("</header><nav class=\"pack-toc\"><h2>目录</h2><ol>");
        List<Entry> entries = entries(pack);
        for (Entry e : entries) {
            if (e.listed()) {
                out.append("<li class=\"level-").append(e.level()).append("\">").append(escape(e.line())).append("</li>");
            }
        }
        out.append("</ol></nav>");
        for (int i = 0; i < pack.items().size(); i++) {
            PackItem item = pack.items().get(i);
            switch (item.type()) {
                case HEADING -> out.append("<h2>").append(escape(item.text())).append("</h2>");
                case NOTE -> out.append("<aside class=\"pack-note\"><strong>").append(NOTE_LABEL).append("：</strong>")
                        .append(escape(item.text()).replace("\n", "<br>")).append("</aside>");
                case CLAUSE, CASE -> {
                    out.append("<section class=\"pack-item\"><h3>").append(escape(entries.get(i).line())).append("</h3>");
                    paragraphs(item.text()).forEach(line -> out.append("<p>").append(escape(line)).append("</p>"));
                    if (!item.rows().isEmpty()) {
                        out.append("<table class=\"bands\"><thead><tr><th>档次</th><th>标准</th></tr></thead><tbody>");
                        for (int r = 0; r < item.rows().size(); r++) {
                            out.append("<tr><td>").append(r + 1).append("</td><td>").append(escape(item.rows().get(r)))
                                    .append("</td></tr>");
                        }
                        out.append("</tbody></table>");
                    }
                    out.append("<p class=\"cite\">出处：").append(escape(item.citation())).append("</p></section>");
                }
            }
        }
        return out.append("</main></body></html>\n").toString();
    }
}
