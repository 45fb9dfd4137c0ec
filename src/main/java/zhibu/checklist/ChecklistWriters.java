package zhibu.checklist;

import static zhibu.export.Html.escape;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import biweekly.util.Recurrence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

/**
 * A checklist as text, DOCX and XLSX (through POI, A4 landscape, the header row repeated on every page), an
 * iCalendar of recurring events (through biweekly), or a printable A4 page.
 */
public final class ChecklistWriters {
    /** A4 landscape in twentieths of a point, with 2 cm margins. */
    private static final int PAGE_W = zhibu.export.WordPages.A4_LONG;
    private static final int MARGIN = 1134;

    private ChecklistWriters() {
    }

    public static String text(Checklist checklist) {
        StringBuilder out = new StringBuilder(ChecklistTable.title(checklist.profile())).append("\n");
        for (ChecklistTable.Section section : ChecklistTable.sections(checklist)) {
            out.append("\n== ").append(section.title()).append(" ==\n");
            String category = null;
            for (ChecklistTable.Row row : section.rows()) {
                if (!row.category().equals(category)) {
                    category = row.category();
                    out.append("\n【").append(category).append("】\n");
                }
                out.append(row.number()).append(". ").append(row.requirement().replace("\n", "\n   "))
                        .append(row.frequency().isEmpty() ? "" : "（" + row.frequency() + "）")
                        .append("［").append(row.duty()).append("］\n");
                for (String basis : row.basis().split("\n")) {
                    out.append("   依据：").append(basis).append("\n");
                }
            }
        }
        checklist.notes().forEach(note -> out.append("\n注意：").append(note).append("\n"));
        return out.toString();
    }

    public static byte[] docx(Checklist checklist, LocalDate date) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(ChecklistTable.title(checklist.profile()));
            XWPFParagraph subtitle = doc.createParagraph();
            subtitle.setAlignment(ParagraphAlignment.CENTER);
            subtitle.createRun().setText(ChecklistTable.subtitle(checklist.profile(), date));
            int usable = PAGE_W - 2 * MARGIN;
            int total = java.util.Arrays.stream(ChecklistTable.WIDTHS).sum();
            for (ChecklistTable.Section section : ChecklistTable.sections(checklist)) {
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(240);
                XWPFRun h = heading.createRun();
                h.setBold(true);
                h.setFontSize(13);
                h.setText(section.title());
                XWPFTable table = doc.createTable(section.rows().size() + 1, ChecklistTable.HEADER.size());
                table.setWidth(String.valueOf(usable));
                CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                        : table.getCTTbl().addNewTblGrid();
                while (grid.sizeOfGridColArray() > 0) {
                    grid.removeGridCol(0);
                }
                int[] twips = new int[ChecklistTable.WIDTHS.length];
                for (int c = 0; c < twips.length; c++) {
                    twips[c] = usable * ChecklistTable.WIDTHS[c] / total;
                    grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
                }
                XWPFTableRow header = table.getRow(0);
                header.setRepeatHeader(true);
                header.setCantSplitRow(true);
                fill(header, ChecklistTable.HEADER, twips, true);
                for (int i = 0; i < section.rows().size(); i++) {
                    fill(table.getRow(i + 1), section.rows().get(i).cells(), twips, false);
                }
            }
            for (String note : checklist.notes()) {
                doc.createParagraph().createRun().setText("注意：" + note);
            }
            zhibu.export.WordPages.a4(doc, true, MARGIN);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] twips, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            row.getCell(c).setWidth(String.valueOf(twips[c]));
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            String[] lines = cells.get(c).split("\n");
            for (int l = 0; l < lines.length; l++) {
                XWPFRun run = p.createRun();
                run.setBold(bold);
                run.setFontSize(10);
                run.setText(lines[l]);
                if (l + 1 < lines.length) {
                    run.addBreak();
                }
            }
        }
    }

    public static byte[] xlsx(Checklist checklist, LocalDate date) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            border(wrap);
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setWrapText(true);
            border(head);
            CellStyle titleStyle = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            titleStyle.setFont(big);
            boolean first = true;
            for (ChecklistTable.Section section : ChecklistTable.sections(checklist)) {
                XSSFSheet sheet = book.createSheet(section.sheet());
                sheet.createRow(0).createCell(0).setCellValue(ChecklistTable.title(checklist.profile())
                        + (first ? "" : "：" + section.title()));
                sheet.getRow(0).getCell(0).setCellStyle(titleStyle);
                sheet.createRow(1).createCell(0).setCellValue(ChecklistTable.subtitle(checklist.profile(), date));
                int last = ChecklistTable.HEADER.size() - 1;
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
                Row header = sheet.createRow(2);
                for (int c = 0; c <= last; c++) {
                    header.createCell(c).setCellValue(ChecklistTable.HEADER.get(c));
                    header.getCell(c).setCellStyle(head);
                }
                int r = 3;
                for (ChecklistTable.Row item : section.rows()) {
                    Row row = sheet.createRow(r++);
                    List<String> cells = item.cells();
                    row.createCell(0).setCellValue(item.number());
                    row.getCell(0).setCellStyle(wrap);
                    for (int c = 1; c < cells.size(); c++) {
                        row.createCell(c).setCellValue(cells.get(c));
                        row.getCell(c).setCellStyle(wrap);
                    }
                }
                for (int c = 0; c < ChecklistTable.WIDTHS.length; c++) {
                    sheet.setColumnWidth(c, Math.min(80, ChecklistTable.WIDTHS[c] * 2) * 256); // a CJK character is two units wide
                }
                sheet.createFreezePane(0, 3);
                sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, last));
                sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, last));
                PrintSetup print = sheet.getPrintSetup();
                print.setPaperSize(PrintSetup.A4_PAPERSIZE);
                print.setLandscape(true);
                sheet.setFitToPage(true);
                print.setFitWidth((short) 1);
                print.setFitHeight((short) 0);
                first = false;
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void border(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    /**
     * RFC 5545 folds lines at 75 octets; biweekly folds by characters, and a Chinese character is three octets in
     * UTF-8 (no UTF-16 unit is more than three): 24 characters a line, with the space a folded line starts with,
     * keeps every line within 75 octets.
     */
    static final int FOLD_CHARACTERS = 24;

    /**
     * The branch's year as an iCalendar: one all-day event per recurring duty (see {@link BranchCalendar}), recurring
     * on its days until the year's end, its description the requirement, who holds it and the clauses it cites.
     */
    public static String ics(Checklist checklist, CalendarPlan plan) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//zhibu//checklist//ZH");
        String name = plan.year() + "年 " + ChecklistTable.title(checklist.profile());
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name); // the name most calendar programs show
        for (BranchCalendar.Series series : BranchCalendar.of(checklist, plan)) {
            ChecklistItem item = series.item();
            VEvent event = new VEvent();
            event.setUid(item.id() + "." + plan.year() + "@zhibu");
            event.setSummary(item.title() + "（" + item.frequency().label() + "）");
            event.setDescription(ChecklistTable.requirement(item) + "\n责任：" + item.holder() + "\n依据："
                    + ChecklistTable.basis(item));
            event.addCategories(item.category());
            event.setDateStart(new DateStart(date(series.first()), false));
            Recurrence.Builder rule = new Recurrence.Builder(biweekly.util.Frequency.YEARLY)
                    .until(date(series.until()), false);
            series.months().forEach(rule::byMonth);
            series.days().forEach(rule::byMonthDay);
            event.setRecurrenceRule(rule.build());
            calendar.addEvent(event);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try (biweekly.io.text.ICalWriter writer = new biweekly.io.text.ICalWriter(out, biweekly.ICalVersion.V2_0)) {
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(FOLD_CHARACTERS);
            writer.write(calendar);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** A printable A4 landscape page (its own print styles; the site's stylesheet for the screen). */
    public static String html(Checklist checklist, LocalDate date) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(ChecklistTable.title(checklist.profile()))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/app.css\"></head><body class=\"print-page\"><main>")
                .append("<h1>").append(escape(ChecklistTable.title(checklist.profile()))).append("</h1>")
                .append("<p class=\"meta\">").append(escape(ChecklistTable.subtitle(checklist.profile(), date))).append("</p>");
        for (ChecklistTable.Section section : ChecklistTable.sections(checklist)) {
            out.append("<h2>").append(escape(section.title())).append("</h2>")
                    .append("<table class=\"checklist-table\"><colgroup>");
            for (int c = 0; c < ChecklistTable.HEADER.size(); c++) {
                out.append("<col class=\"col-").append(c + 1).append("\">"); // widths in app.css: no inline style under the CSP
            }
            out.append("</colgroup><thead><tr>");
            ChecklistTable.HEADER.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr></thead><tbody>");
            for (ChecklistTable.Row row : section.rows()) {
                out.append("<tr>");
                row.cells().forEach(cell -> out.append("<td>").append(escape(cell).replace("\n", "<br>")).append("</td>"));
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        }
        checklist.notes().forEach(n -> out.append("<p class=\"notice\">注意：").append(escape(n)).append("</p>"));
        return out.append("</main></body></html>\n").toString();
    }
}
