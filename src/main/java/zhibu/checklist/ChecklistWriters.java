package zhibu.checklist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** A checklist as text, DOCX, XLSX, an ICS calendar for the coming year, or a printable HTML page. */
public final class ChecklistWriters {
    private ChecklistWriters() {
    }

    public static String text(Checklist checklist) {
        StringBuilder out = new StringBuilder(ChecklistTable.title(checklist.profile())).append("\n");
        String category = null;
        int n = 1;
        for (ChecklistItem item : checklist.items()) {
            if (!item.category().equals(category)) {
                category = item.category();
                out.append("\n【").append(category).append("】\n");
            }
            out.append(n++).append(". ").append(ChecklistTable.requirement(item)).append("\n");
            for (ChecklistItem.Source s : item.sources()) {
                out.append("   依据：").append(ChecklistTable.citation(s)).append("\n");
            }
        }
        checklist.notes().forEach(note -> out.append("\n注意：").append(note).append("\n"));
        return out.toString();
    }

    public static byte[] docx(Checklist checklist) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(ChecklistTable.title(checklist.profile()));
            List<List<String>> rows = ChecklistTable.rows(checklist);
            XWPFTable table = doc.createTable(rows.size() + 1, ChecklistTable.HEADER.size());
            fill(table.getRow(0), ChecklistTable.HEADER, true);
            for (int i = 0; i < rows.size(); i++) {
                fill(table.getRow(i + 1), rows.get(i), false);
            }
            for (String note : checklist.notes()) {
                doc.createParagraph().createRun().setText("注意：" + note);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            String[] lines = cells.get(c).split("\n");
            for (int l = 0; l < lines.length; l++) {
                XWPFRun run = p.createRun();
                run.setBold(bold);
                run.setText(lines[l]);
                if (l + 1 < lines.length) {
                    run.addBreak();
                }
            }
        }
    }

    public static byte[] xlsx(Checklist checklist) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("清单");
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < ChecklistTable.HEADER.size(); c++) {
                header.createCell(c).setCellValue(ChecklistTable.HEADER.get(c));
                header.getCell(c).setCellStyle(head);
            }
            List<List<String>> rows = ChecklistTable.rows(checklist);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            int[] widths = {6, 10, 60, 12, 50, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        }
    }

    /**
     * Events for the twelve months from {@code start}: monthly items on the 1st, quarterly ones in the first month
     * of each quarter, half-yearly ones in January and July, yearly ones in the fourth quarter (组织生活会 and
     * 民主评议 are usually held then), each as an all-day event.
     */
    public static String ics(Checklist checklist, LocalDate start) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//zhibu//checklist//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape(ChecklistTable.title(checklist.profile())));
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        LocalDate first = start.withDayOfMonth(1);
        for (ChecklistItem item : checklist.items()) {
            if (item.frequency() == null || item.frequency().per().equals("term")) {
                continue;
            }
            int n = 0;
            for (int m = 0; m < 12; m++) {
                LocalDate month = first.plusMonths(m);
                if (!falls(item.frequency().per(), month.getMonthValue())) {
                    continue;
                }
                for (int t = 0; t < Math.max(1, item.frequency().times()); t++) {
                    LocalDate day = month.plusDays(Math.min(27, t * (28 / Math.max(1, item.frequency().times()))));
                    line(out, "BEGIN:VEVENT");
                    line(out, "UID:" + item.id() + "-" + (n++) + "@zhibu");
                    line(out, "DTSTAMP:" + stamp);
                    line(out, "DTSTART;VALUE=DATE:" + day.format(DateTimeFormatter.BASIC_ISO_DATE));
                    line(out, "DTEND;VALUE=DATE:" + day.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE));
                    line(out, "SUMMARY:" + escape(item.title() + "：" + item.requirement()));
                    line(out, "DESCRIPTION:" + escape(ChecklistTable.requirement(item) + "\n依据：" + ChecklistTable.basis(item)));
                    line(out, "CATEGORIES:" + escape(item.category()));
                    line(out, "END:VEVENT");
                }
            }
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static boolean falls(String per, int month) {
        return switch (per) {
            case "month" -> true;
            case "quarter" -> month % 3 == 1;
            case "half-year" -> month == 1 || month == 7;
            default -> month == 11;
        };
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** One content line, folded at 75 octets of UTF-8 as RFC 5545 asks, without splitting a character. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** A printable A4 page (uses the site's stylesheet; readable without it). */
    public static String html(Checklist checklist) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(ChecklistTable.title(checklist.profile()))).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/app.css\"></head><body class=\"print-page\"><main>")
                .append("<h1>").append(esc(ChecklistTable.title(checklist.profile()))).append("</h1>")
                .append("<table class=\"checklist-table\"><thead><tr>");
        ChecklistTable.HEADER.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : ChecklistTable.rows(checklist)) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(esc(cell).replace("\n", "<br>")).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        checklist.notes().forEach(n -> out.append("<p class=\"notice\">注意：").append(esc(n)).append("</p>"));
        return out.append("</main></body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
