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
import zhibu.core.Period;
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

    @Test
    void theRequirementsAreKeptBesideTheIndexSoAnotherServiceReadsThemInsteadOfExtracting() throws Exception {
        Path folder = index.folder().orElseThrow();
        Files.deleteIfExists(folder.resolve(StoredRequirements.FILE));
        ChecklistService extracting = new ChecklistService(library);
        ChecklistService.Prepared extracted = extracting.prepare();
        assertFalse(extracted.stored());
        assertTrue(extracted.requirements() > 100 && extracted.clauses() > 400, extracted.toString());
        assertTrue(Files.isRegularFile(folder.resolve(StoredRequirements.FILE)));

        ChecklistService reading = new ChecklistService(library);
        ChecklistService.Prepared read = reading.prepare();
        assertTrue(read.stored(), read.toString());
        assertEquals(extracted.requirements(), read.requirements());
        for (Profile profile : List.of(Profile.of("高校", 30), Profile.of("农村", 5))) {
            assertEquals(zhibu.core.Json.MAPPER.writeValueAsString(extracting.checklist(profile)),
                    zhibu.core.Json.MAPPER.writeValueAsString(reading.checklist(profile)), profile.toString());
        }
        assertTrue(StoredRequirements.read(folder, index.version() + 1).isEmpty(), "another version's are not read");
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
        assertEquals(new Frequency(Period.QUARTER, 1), one(c, "党员大会", "每季度召开1次").frequency());
        assertEquals(new Frequency(Period.MONTH, 1), one(c, "支委会", "每月召开1次").frequency());
        assertEquals(new Frequency(Period.MONTH, 1), one(c, "党小组会", "每月召开1次").frequency());
        ChecklistItem lectures = one(c, "党课", "每季度安排1次");
        assertEquals(new Frequency(Period.QUARTER, 1), lectures.frequency(), "the stricter of 每季度 and 每半年");
        assertEquals(2, lectures.variants().size());
        assertTrue(lectures.variants().stream().anyMatch(v -> v.frequency().equals(new Frequency(Period.HALF_YEAR, 1))));
        assertEquals(new Frequency(Period.MONTH, 1), one(c, "主题党日", "每月相对固定1天").frequency());
        ChecklistItem life = one(c, "组织生活会", "召开1次组织生活会");
        assertEquals(new Frequency(Period.HALF_YEAR, 1), life.frequency(), "每半年 in Hunan is stricter than 每年");
        assertEquals(new Frequency(Period.YEAR, 1), one(c, "民主评议党员", "每年开展1次民主评议党员").frequency());
        one(c, "谈心谈话", "谈心谈话");
        assertTrue(mentions(c, "不少于32学时"));
        assertTrue(mentions(c, "每届任期3年"));
        ChecklistItem reminder = one(c, "换届", "提前6个月");
        assertEquals(2, reminder.variants().size(), "3个月 in Hunan, 6个月 in Xi'an");
        assertEquals(Duty.HIGHER, reminder.duty(), "the reminder is the higher committee's");
        assertEquals(Duty.SECRETARY, one(c, "党课", "党支部书记每年至少为党员讲1次党课").duty());
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
        Checklist staff = service.checklist(new Profile("高校", 30, true, true, "教职工"));
        // one sentence states both rates: it is kept whole for both kinds of branch, never cut in two
        assertTrue(mentions(students, "教职工党员人均不少于200元学生党员人均不少于100元"));
        assertTrue(mentions(staff, "教职工党员人均不少于200元学生党员人均不少于100元"));
        assertTrue(students.items().stream().noneMatch(i -> i.requirement().contains("教职工") && !i.requirement().contains("学生")));
        assertTrue(staff.items().stream().noneMatch(i -> i.requirement().contains("学生") && !i.requirement().contains("教职工")));
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
        assertTrue(mentions(tiny, "联合党支部"), titles(tiny).toString());
        Checklist big = service.checklist(Profile.of("社区", 60));
        assertFalse(big.notes().isEmpty());
        assertTrue(big.notes().get(0).contains("不超过50人"));
        assertTrue(service.checklist(Profile.of("社区", 30)).notes().isEmpty());
        Checklist noGroups = service.checklist(new Profile("社区", 30, false, true));
        assertTrue(noGroups.items().stream().noneMatch(i -> i.title().equals("党小组会")), titles(noGroups).toString());
    }

    @Test
    void everySourceResolvesAndStatesItsRequirement() throws IOException {
        for (Profile p : List.of(Profile.of("高校", 30), Profile.of("机关", 5), Profile.of("农村", 20))) {
            for (ChecklistItem item : service.checklist(p).items()) {
                assertFalse(item.sources().isEmpty(), item.id());
                assertTrue(Checklist.CATEGORIES.contains(item.category()), item.category());
                boolean stated = !item.rows().isEmpty(); // a table's rows are checked one by one in ChecklistProfilesTest
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
        List<ChecklistTable.Section> sections = ChecklistTable.sections(c);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ChecklistWriters.docx(c, LocalDate.now())))) {
            assertEquals(sections.size(), doc.getTables().size());
            for (int t = 0; t < sections.size(); t++) {
                XWPFTable table = doc.getTables().get(t);
                List<ChecklistTable.Row> rows = sections.get(t).rows();
                assertEquals(rows.size() + 1, table.getNumberOfRows());
                assertEquals(ChecklistTable.HEADER, table.getRow(0).getTableCells().stream().map(x -> x.getText()).toList());
                assertTrue(table.getRow(0).isRepeatHeader(), "the header row repeats on every page");
                assertEquals(ChecklistTable.HEADER.size(), table.getCTTbl().getTblGrid().sizeOfGridColArray());
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(String.valueOf(i + 1), table.getRow(i + 1).getCell(0).getText());
                    assertTrue(fold(table.getRow(i + 1).getCell(2).getText()).startsWith(fold(rows.get(i).requirement().split("\n")[0])));
                    assertEquals("", table.getRow(i + 1).getCell(6).getText());
                }
            }
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertEquals("landscape", size.getOrient().toString());
            assertTrue(((java.math.BigInteger) size.getW()).intValue() > ((java.math.BigInteger) size.getH()).intValue());
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ChecklistWriters.xlsx(c, LocalDate.now())))) {
            var sheet = book.getSheetAt(0);
            List<ChecklistTable.Row> rows = sections.get(0).rows();
            assertEquals(rows.size() + 2, sheet.getLastRowNum(), "title, profile, header, then one row per item");
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("高校党支部"));
            List<String> header = new ArrayList<>();
            sheet.getRow(2).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(ChecklistTable.HEADER, header);
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 3);
                assertEquals(i + 1, row.getCell(0).getNumericCellValue(), 0.0);
                assertEquals(rows.get(i).category(), row.getCell(1).getStringCellValue());
            }
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
        }
    }

    @Test
    void theCalendarRecursAndHoldsTheYear() throws IOException {
        Checklist c = service.checklist(Profile.of("高校", 30));
        String ics = ChecklistWriters.ics(c, LocalDate.of(2026, 12, 5));
        biweekly.ICalendar calendar = biweekly.Biweekly.parse(ics).first();
        java.util.Map<String, List<LocalDate>> dates = new java.util.LinkedHashMap<>();
        LocalDate end = LocalDate.of(2028, 1, 1);
        for (biweekly.component.VEvent event : calendar.getEvents()) {
            assertTrue(event.getRecurrenceRule() != null, "every event recurs: " + event.getSummary().getValue());
            List<LocalDate> list = new ArrayList<>();
            var it = event.getDateIterator(java.util.TimeZone.getDefault());
            while (it.hasNext()) {
                LocalDate d = it.next().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
                if (!d.isBefore(end)) {
                    break;
                }
                list.add(d);
            }
            dates.put(event.getSummary().getValue(), list);
        }
        List<LocalDate> themeDays = dates.entrySet().stream().filter(e -> e.getKey().startsWith("主题党日"))
                .findFirst().orElseThrow().getValue();
        assertEquals(12, themeDays.size(), "one recurring 主题党日 expands to twelve");
        assertEquals(LocalDate.of(2027, 1, 1), themeDays.get(0));
        List<LocalDate> meetings = dates.entrySet().stream().filter(e -> e.getKey().startsWith("党员大会")).findFirst()
                .orElseThrow().getValue();
        assertEquals(List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1),
                LocalDate.of(2027, 10, 1)), meetings);
        assertTrue(dates.keySet().stream().noneMatch(k -> k.contains("可以")), "options have no dates");
        long events = c.items().stream().filter(i -> i.frequency() != null && !i.optional() && i.duty() != Duty.HIGHER
                && i.frequency().per().months() > 0).count();
        assertEquals(events, calendar.getEvents().size());
    }

    @Test
    void theJsonHasTheContractsFields() throws IOException {
        var json = zhibu.core.Json.MAPPER.readTree(ChecklistFormat.JSON.render(service.checklist(Profile.of("高校", 30))));
        assertEquals("高校", json.at("/profile/branchType").asText());
        assertEquals(30, json.at("/profile/members").asInt());
        var item = json.at("/items/0");
        for (String field : List.of("id", "category", "title", "requirement", "frequency", "sources", "variants", "duty",
                "optional", "matter", "matters", "rows")) {
            assertTrue(item.has(field), field);
        }
        for (String field : List.of("clauseId", "docTitle", "path", "text")) {
            assertTrue(item.at("/sources/0").has(field), field);
        }
    }
}
