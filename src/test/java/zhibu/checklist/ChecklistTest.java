package zhibu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.core.Frequency;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;
import zhibu.testing.Paths;

/** Checklists built from the corpus in a real index: the items the issue names, their sources, and every format. */
class ChecklistTest {
    static ZhibuIndex index;
    static Library library;
    static ChecklistService service;

    @BeforeAll
    static void ingest() throws IOException {
        index = zhibu.testing.CorpusIndex.shared();
        library = new Library(index);
        service = new ChecklistService(library);
    }

    static String fold(String s) {
        return s.replaceAll("[\\s*#，。；、：“”（）()]", "");
    }

    static List<ChecklistItem> matching(Checklist c, Predicate<ChecklistItem> p) {
        return c.items().stream().filter(p).toList();
    }

    static ChecklistItem one(Checklist c, String matter, String says) {
        List<ChecklistItem> found = matching(c, i -> i.title().equals(matter) && fold(i.requirement()).contains(says)
                || i.variants().stream().anyMatch(v -> i.title().equals(matter) && fold(v.requirement()).contains(says)));
        assertFalse(found.isEmpty(), "no item on " + matter + " saying " + says + " in " + titles(c));
        return found.get(0);
    }

    static List<String> titles(Checklist c) {
        return c.items().stream().map(i -> i.title() + ":" + i.requirement()).toList();
    }

    static boolean mentions(Checklist c, String words) {
        return c.items().stream().anyMatch(i -> fold(i.requirement()).contains(words));
    }

    @Test
    void aUniversityBranchOfThirty() throws IOException {
        Checklist c = service.checklist(Profile.of("高校", 30));
        assertEquals(new Frequency("quarter", 1), one(c, "党员大会", "每季度召开1次").frequency());
        assertEquals(new Frequency("month", 1), one(c, "支委会", "每月召开1次").frequency());
        assertEquals(new Frequency("month", 1), one(c, "党小组会", "每月召开1次").frequency());
        ChecklistItem lectures = one(c, "党课", "每季度安排1次");
        assertEquals(new Frequency("quarter", 1), lectures.frequency(), "the stricter of 每季度 and 每半年");
        assertEquals(2, lectures.variants().size());
        assertTrue(lectures.variants().stream().anyMatch(v -> v.frequency().equals(new Frequency("half-year", 1))));
        assertEquals(new Frequency("month", 1), one(c, "主题党日", "每月相对固定1天").frequency());
        ChecklistItem life = one(c, "组织生活会", "召开1次组织生活会");
        assertEquals(new Frequency("half-year", 1), life.frequency(), "每半年 in Hunan is stricter than 每年");
        assertEquals(new Frequency("year", 1), one(c, "民主评议党员", "每年开展1次民主评议党员").frequency());
        one(c, "谈心谈话", "谈心谈话");
        assertTrue(mentions(c, "不少于32学时"));
        assertTrue(mentions(c, "每届任期3年"));
        ChecklistItem reminder = one(c, "换届", "提前6个月");
        assertEquals(2, reminder.variants().size(), "3个月 in Hunan, 6个月 in Xi'an");
        assertTrue(mentions(c, "教职工党员人均不少于200元"));
        assertTrue(mentions(c, "学生党员人均不少于100元"));
        assertTrue(mentions(c, "党支部委员会由3人至5人组成"));
        assertFalse(mentions(c, "国有企业"), "nothing only for 国有企业");
        assertFalse(mentions(c, "四议两公开"));
        assertFalse(mentions(c, "1%"));
    }

    @Test
    void aStudentsBranchSkipsWhatIsOnlyForTeachingStaff() throws IOException {
        Checklist students = service.checklist(new Profile("高校", 30, true, true, "学生"));
        assertTrue(mentions(students, "学生党员人均不少于100元"));
        assertFalse(mentions(students, "教职工党员人均不少于200元"));
        Checklist staff = service.checklist(new Profile("高校", 30, true, true, "教职工"));
        assertTrue(mentions(staff, "教职工党员人均不少于200元"));
        assertFalse(mentions(staff, "学生党员人均不少于100元"));
    }

    @Test
    void aGovernmentOfficeBranchOfFive() throws IOException {
        Checklist c = service.checklist(Profile.of("机关", 5));
        assertTrue(matching(c, i -> i.title().equals("支委会")).isEmpty(), "no 支委会 under 7 members: " + titles(c));
        assertTrue(mentions(c, "设1名书记"), titles(c).toString());
        assertTrue(mentions(c, "列入行政经费预算"));
        assertTrue(mentions(c, "在职党员广泛开展到社区报到"));
        assertFalse(c.items().stream().anyMatch(i -> i.requirement().contains("高校") || i.requirement().contains("高等学校")));
    }

    @Test
    void aVillageBranchOfTwenty() throws IOException {
        Checklist c = service.checklist(Profile.of("农村", 20));
        assertTrue(mentions(c, "四议两公开"));
        assertTrue(mentions(c, "应具有高中以上文化"));
        assertTrue(mentions(c, "年龄一般不超过60周岁"));
        assertTrue(mentions(c, "五有"));
        assertFalse(mentions(c, "高等学校"));
    }

    @Test
    void sizeConditionsFollowTheMembers() throws IOException {
        Checklist tiny = service.checklist(Profile.of("社区", 2));
        assertTrue(mentions(tiny, "成立联合党支部"), titles(tiny).toString());
        Checklist big = service.checklist(Profile.of("社区", 60));
        assertFalse(big.notes().isEmpty());
        assertTrue(big.notes().get(0).contains("不超过50人"));
        assertTrue(service.checklist(Profile.of("社区", 30)).notes().isEmpty());
        Checklist noGroups = service.checklist(new Profile("社区", 30, false, true));
        assertTrue(noGroups.items().stream().noneMatch(i -> i.requirement().contains("党小组")));
    }

    @Test
    void everySourceResolvesAndStatesItsRequirement() throws IOException {
        for (Profile p : List.of(Profile.of("高校", 30), Profile.of("机关", 5), Profile.of("农村", 20))) {
            for (ChecklistItem item : service.checklist(p).items()) {
                assertFalse(item.sources().isEmpty(), item.id());
                assertTrue(Checklist.CATEGORIES.contains(item.category()), item.category());
                boolean stated = false;
                for (ChecklistItem.Source source : item.sources()) {
                    var clause = library.clause(source.clauseId());
                    assertTrue(clause.isPresent(), source.clauseId());
                    assertEquals(clause.get().text(), source.text());
                    stated |= fold(RequirementExtractor.foldCounts(source.text())).contains(fold(item.requirement()));
                }
                assertTrue(stated, item.requirement() + " is not in its sources");
            }
        }
    }

    @Test
    void aNewStandardInTheCorpusChangesTheChecklist(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("new.txt"), "关于加强党支部安全教育的通知\n\n一、党支部每季度开展1次安全教育专题学习。\n",
                StandardCharsets.UTF_8);
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.testing.TestVectors.shared())) {
            own.ingest(List.of(Paths.CORPUS, corpus));
            Checklist c = new ChecklistService(new Library(own)).checklist(Profile.of("高校", 30));
            assertTrue(mentions(c, "党支部每季度开展1次安全教育专题学习"), titles(c).toString());
        }
        assertFalse(mentions(service.checklist(Profile.of("高校", 30)), "安全教育"));
    }

    @Test
    void docxAndXlsxHoldEveryItemInOrder() throws IOException {
        Checklist c = service.checklist(Profile.of("高校", 30));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ChecklistWriters.docx(c)))) {
            XWPFTable table = doc.getTables().get(0);
            assertEquals(c.items().size() + 1, table.getNumberOfRows());
            assertEquals(ChecklistTable.HEADER, table.getRow(0).getTableCells().stream().map(x -> x.getText()).toList());
            for (int i = 0; i < c.items().size(); i++) {
                assertEquals(String.valueOf(i + 1), table.getRow(i + 1).getCell(0).getText());
                assertTrue(table.getRow(i + 1).getCell(2).getText().startsWith(c.items().get(i).requirement()));
                assertTrue(table.getRow(i + 1).getCell(4).getText().contains(c.items().get(i).sources().get(0).docTitle()));
                assertEquals("", table.getRow(i + 1).getCell(5).getText());
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ChecklistWriters.xlsx(c)))) {
            var sheet = book.getSheetAt(0);
            assertEquals(c.items().size(), sheet.getLastRowNum());
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(ChecklistTable.HEADER, header);
            for (int i = 0; i < c.items().size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(c.items().get(i).category(), row.getCell(1).getStringCellValue());
                assertTrue(row.getCell(2).getStringCellValue().startsWith(c.items().get(i).requirement()));
            }
        }
    }

    @Test
    void theCalendarParsesAndHoldsTheYear() throws IOException {
        Checklist c = service.checklist(Profile.of("高校", 30));
        String ics = ChecklistWriters.ics(c, LocalDate.of(2027, 1, 1));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.endsWith("END:VCALENDAR\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "unfolded line: " + line);
        }
        List<String[]> events = new ArrayList<>(); // [summary, date]
        String unfolded = ics.replace("\r\n ", "");
        String summary = null;
        for (String line : unfolded.split("\r\n")) {
            if (line.startsWith("SUMMARY:")) {
                summary = line.substring(8);
            } else if (line.startsWith("DTSTART;VALUE=DATE:")) {
                events.add(new String[] {null, line.substring(19)});
            } else if (line.equals("END:VEVENT")) {
                events.get(events.size() - 1)[0] = summary;
            }
        }
        assertEquals(unfolded.split("BEGIN:VEVENT", -1).length - 1, events.size());
        assertEquals(12, events.stream().filter(e -> e[0].startsWith("主题党日")).count());
        List<String> meetings = events.stream().filter(e -> e[0].startsWith("党员大会")).map(e -> e[1]).toList();
        assertEquals(List.of("20270101", "20270401", "20270701", "20271001"), meetings);
        assertTrue(events.stream().filter(e -> e[0].startsWith("民主评议党员")).allMatch(e -> e[1].startsWith("202711")));
        assertEquals(2, events.stream().filter(e -> e[0].startsWith("组织生活会")).count(), "每半年");
    }

    @Test
    void theJsonHasTheContractsFields() throws IOException {
        var json = zhibu.cli.Json.MAPPER.readTree(ChecklistFormat.JSON.render(service.checklist(Profile.of("高校", 30))));
        assertEquals("高校", json.at("/profile/branchType").asText());
        assertEquals(30, json.at("/profile/members").asInt());
        var item = json.at("/items/0");
        for (String field : List.of("id", "category", "title", "requirement", "frequency", "sources", "variants")) {
            assertTrue(item.has(field), field);
        }
        for (String field : List.of("clauseId", "docTitle", "path", "text")) {
            assertTrue(item.at("/sources/0").has(field), field);
        }
    }
}
