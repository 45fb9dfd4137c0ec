package zhibu.checklist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.Paths;
import zhibu.testing.Tools;

/**
 * The checklist files opened by other people's readers, as a branch secretary's computer would: the DOCX by
 * python-docx and by LibreOffice (converted to PDF, whose text must hold every item), the XLSX by openpyxl (numeric
 * 序号, a frozen header, an autofilter). CI installs python3-docx, python3-openpyxl and libreoffice-writer-nogui.
 */
@Timeout(300)
class ChecklistFilesTest {
    @TempDir
    static Path dir;

    static Checklist checklist() throws IOException {
        return new ChecklistService(new zhibu.library.Library(zhibu.testing.CorpusIndex.shared()))
                .checklist(Profile.of("国有企业", 45));
    }

    static String fold(String s) {
        return s.replaceAll("[\\s\\p{P}]", "");
    }

    @Test
    void theDocxOpensInPythonDocxAndLibreOffice() throws Exception {
        Paths.requireTool("python3-docx", Tools.PYTHON, "-c", "import docx");
        Checklist c = checklist();
        Path docx = dir.resolve("清单.docx");
        Files.write(docx, ChecklistWriters.docx(c, LocalDate.of(2026, 11, 23)));
        String out = Tools.run(dir, Tools.PYTHON, "-c", String.join("\n",
                "import docx, sys",
                "d = docx.Document(sys.argv[1])",
                "s = d.sections[0]",
                "print('landscape' if s.page_width > s.page_height else 'portrait')",
                "for t in d.tables:",
                "    print('grid', len(t.columns), len(t.rows))",
                "    for r in t.rows[1:]:",
                "        print('row', r.cells[0].text, r.cells[2].text.split('\\n')[0])"), docx.toString());
        assertTrue(out.startsWith("landscape"), out);
        List<ChecklistTable.Section> sections = ChecklistTable.sections(c);
        for (ChecklistTable.Section section : sections) {
            assertTrue(out.contains("grid 7 " + (section.rows().size() + 1)), out);
            for (ChecklistTable.Row row : section.rows()) {
                assertTrue(out.contains("row " + row.number() + " " + row.requirement().split("\n")[0]), row.requirement());
            }
        }

        Path pdf = Tools.pdfOf(docx);
        assertTrue(Files.size(pdf) > 1000);
        String text = fold(new Tika().parseToString(pdf));
        for (ChecklistItem item : c.items()) {
            String start = fold(item.requirement());
            start = start.substring(0, Math.min(8, start.length()));
            assertTrue(text.contains(start), "the PDF lacks " + item.requirement());
        }
    }

    @Test
    void theXlsxOpensInOpenpyxlWithNumbersAFrozenHeaderAndAFilter() throws Exception {
        Paths.requireTool("python3-openpyxl", Tools.PYTHON, "-c", "import openpyxl");
        Checklist c = checklist();
        Path xlsx = dir.resolve("清单.xlsx");
        Files.write(xlsx, ChecklistWriters.xlsx(c, LocalDate.of(2026, 11, 23)));
        String out = Tools.run(dir, Tools.PYTHON, "-c", String.join("\n",
                "import openpyxl, sys",
                "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]",
                "print('title', ws['A1'].value)",
                "print('freeze', ws.freeze_panes)",
                "print('filter', ws.auto_filter.ref)",
                "print('header', [c.value for c in ws[3]])",
                "v = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]",
                "print('numbers', all(isinstance(x, (int, float)) and x == i + 1 for i, x in enumerate(v)))",
                "print('rows', ws.max_row - 3)"), xlsx.toString());
        assertTrue(out.contains("title 国有企业党支部（45名正式党员）"), out);
        assertTrue(out.contains("freeze A4"), out);
        assertTrue(out.contains("filter A3:G"), out);
        assertTrue(out.contains("numbers True"), out);
        assertTrue(out.contains("rows " + ChecklistTable.sections(c).get(0).rows().size()), out);
        assertTrue(out.contains("'序号', '类别', '要求', '责任', '频次', '依据', '完成情况'"), out);
    }
}
