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
        return c.items().stream().map(i -> i.title() + ":" + i.requirement().substring(0,
                Math.min(24, i.requirement().length()))).toList();
    }

    static boolean mentions(Checklist c, String words) {
        return c.items().stream().anyMatch(i -> fold(i.requirement()).contains(words));
    }

    static final String XIAN = "陕西省西安市";
    static final String CHANGSHA = "湖南省长沙市";

    static Checklist checklist(String type, int members, String region) throws IOException {
        return service.checklist(Profile.of(type, members).in(region));
    }

    static List<ChecklistItem> own(Checklist c) {
        return matching(c, i -> i.duty() != Duty.HIGHER);
    }

    static List<ChecklistItem> higher(Checklist c) {
        return matching(c, i -> i.duty() == Duty.HIGHER);
    }

    static boolean says(List<ChecklistItem> items, String words) {
        return items.stream().anyMatch(i -> fold(i.requirement()).contains(words)
                || i.variants().stream().anyMatch(v -> fold(v.requirement()).contains(words)));
    }

    @Test
    void aUniversityBranchInXian() throws IOException {
        Checklist c = checklist("高校", 30, XIAN);
        assertEquals(new Frequency(Period.QUARTER, 1), one(c, "党员大会", "每季度召开1次").frequency());
        assertEquals(1, matching(c, i -> i.duty() == Duty.COMMITTEE && i.requirement().contains("支部委员会会议")
                && new Frequency(Period.MONTH, 1).equals(i.frequency())).size(), "the monthly 支委会 once: " + titles(c));
        assertEquals(Duty.GROUP, one(c, "党小组会", "每月召开1次").duty());
        assertEquals(new Frequency(Period.MONTH, 1), one(c, "主题党日", "每月相对固定1天").frequency());
        assertTrue(mentions(c, "不少于32学时"));
        assertTrue(mentions(c, "每届任期3年"));
        ChecklistItem reminder = one(c, "换届", "提前6个月");
        assertEquals(Duty.HIGHER, reminder.duty(), "the reminder is the higher committee's");
        for (String above : List.of("市属高校党委每年对所属党支部书记全员培训1次", "高校党委每年应当划拨一定比例的党费")) {
            assertFalse(says(own(c), above), above + " is not the branch's duty");
            assertTrue(says(higher(c), above), above + " is what the branch can expect from above");
        }
        assertFalse(mentions(c, "都应当成立党支部"), "setting branches up is the unit's, not the branch's");
        assertFalse(mentions(c, "临时党支部") || mentions(c, "流动党员党支部"), titles(c).toString());
        assertFalse(mentions(c, "年度目标责任考核"));
        assertFalse(mentions(c, "继续抓好创建工作"));
        assertFalse(mentions(c, "国有企业"), "nothing only for 国有企业");
        assertFalse(mentions(c, "四议两公开"));
        for (ChecklistItem item : c.items()) {
            for (ChecklistItem.Source s : item.sources()) {
                assertTrue(s.region().equals("全国") || s.region().startsWith(XIAN), s.region() + ": " + item.requirement());
            }
        }
    }

    @Test
    void aUniversityBranchInHunanHasTheStricterRuleOfTwo() throws IOException {
        Checklist c = checklist("高校", 30, CHANGSHA);
        ChecklistItem life = one(c, "组织生活会", "召开1次组织生活会");
        assertEquals(new Frequency(Period.HALF_YEAR, 1), life.frequency(), "每半年 in Hunan is stricter than 每年");
        assertEquals(2, life.variants().size(), "one item, with Hunan's rule and the national one");
        assertEquals(1, matching(c, i -> i.title().equals("组织生活会") && i.frequency() != null).size(), titles(c).toString());
        assertEquals(Duty.SECRETARY, one(c, "党课", "党支部书记每年至少为党员讲1次党课").duty());
        assertTrue(says(higher(c), "教职工党员人均不少于200元"), "the unit budgets the branch's funds");
        assertFalse(mentions(c, "西安"));
        assertFalse(mentions(c, "每年应当划拨一定比例的党费"), "Xi'an's rule does not bind a branch in Hunan");
    }

    @Test
    void withoutARegionLocalRulesAreOnlyReferences() throws IOException {
        Checklist c = service.checklist(Profile.of("高校", 30));
        assertTrue(c.items().stream().flatMap(i -> i.sources().stream()).allMatch(s -> s.region().equals("全国")),
                "only the central rules bind a branch whose region is not given");
        assertFalse(c.references().isEmpty());
        assertTrue(c.references().stream().flatMap(i -> i.sources().stream()).noneMatch(s -> s.region().equals("全国")));
        assertTrue(says(c.references(), "每季度召开1次"), "各地做法 show the local rules on the same matters");
        assertTrue(c.references().stream().noneMatch(i -> i.duty() == Duty.HIGHER));
        Checklist placed = checklist("高校", 30, XIAN);
        assertTrue(placed.references().isEmpty());
        assertTrue(placed.notes().stream().anyMatch(n -> n.contains("陕西省西安市")), placed.notes().toString());
    }

    @Test
    void aStudentsBranchSkipsWhatIsOnlyForTeachingStaff() throws IOException {
        Checklist students = service.checklist(new Profile("高校", 30, true, true, "学生", CHANGSHA));
        Checklist staff = service.checklist(new Profile("高校", 30, true, true, "教职工", CHANGSHA));
        // one sentence states both rates: it is kept whole for both kinds of branch, never cut in two
        assertTrue(mentions(students, "教职工党员人均不少于200元学生党员人均不少于100元"));
        assertTrue(mentions(staff, "教职工党员人均不少于200元学生党员人均不少于100元"));
        assertTrue(students.items().stream().noneMatch(i -> i.requirement().contains("教职工") && !i.requirement().contains("学生")));
        assertTrue(staff.items().stream().noneMatch(i -> i.requirement().contains("学生") && !i.requirement().contains("教职工")));
    }

    @Test
    void aSmallGovernmentOfficeBranchHasNoCommittee() throws IOException {
        Checklist c = checklist("机关", 5, "江苏省苏州市");
        assertTrue(own(c).stream().noneMatch(i -> i.duty() == Duty.COMMITTEE), titles(c).toString());
        assertFalse(mentions(c, "党支部委员会由3人至5人组成"));
        assertFalse(mentions(c, "教职工"), "no 高校 rule on 教职工党员");
        assertTrue(mentions(c, "不设支部委员会的支部书记副书记每届任期一般为3年"), titles(c).toString());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("正式党员不足7人，不设支部委员会")), c.notes().toString());
        Checklist xian = checklist("机关", 40, XIAN);
        assertTrue(mentions(xian, "党支部委员会由3人至5人组成"), titles(xian).toString());
        assertEquals(1, matching(xian, i -> fold(i.requirement()).contains("每届任期")).size(),
                "西安's and the 机关条例's 3-year term are one item: " + titles(xian));
    }

    @Test
    void aVillageBranch() throws IOException {
        Checklist c = checklist("农村", 20, "湖南省岳阳市");
        assertFalse(mentions(c, "四议两公开"), "村（社区）全面实行…制度 names the village, with no word that binds the branch");
        assertTrue(mentions(c, "应具有高中以上文化"));
        assertTrue(mentions(c, "年龄一般不超过60周岁"));
        assertTrue(mentions(c, "五有"));
        assertFalse(mentions(c, "高等学校"));
        assertEquals(Duty.BRANCH, one(c, "组织关系", "农村党支部应当明确专人").duty());
        for (ChecklistItem item : own(c)) {
            if (item.matters().contains("发展党员") || item.title().contains("民主评议")) {
                assertTrue(item.duty() != Duty.MEMBER, "the branch's, not the members': " + item.requirement());
            }
        }
        Checklist eight = checklist("农村", 8, "湖南省");
        assertTrue(own(eight).stream().anyMatch(i -> i.duty() == Duty.COMMITTEE), "8 full members have a committee");
        Checklist five = checklist("农村", 5, "湖南省");
        assertTrue(own(five).stream().noneMatch(i -> i.duty() == Duty.COMMITTEE || i.duty() == Duty.GROUP),
                titles(five).toString());
        assertFalse(says(own(five), "按期换届"), "no committee to renew; the reminder from above stays apart");
        assertTrue(five.notes().stream().anyMatch(n -> n.contains("不设支部委员会")), five.notes().toString());
    }

    @Test
    void sizeConditionsFollowTheMembers() throws IOException {
        Checklist tiny = checklist("社区", 2, CHANGSHA);
        assertTrue(tiny.notes().stream().anyMatch(n -> n.contains("联合党支部")), tiny.notes().toString());
        Checklist big = checklist("社区", 60, CHANGSHA);
        assertTrue(mentions(big, "不超过50人"), titles(big).toString());
        assertFalse(mentions(checklist("社区", 30, CHANGSHA), "不超过50人"));
        Checklist noGroups = service.checklist(new Profile("社区", 30, false, true, null, CHANGSHA));
        assertTrue(noGroups.items().stream().noneMatch(i -> i.duty() == Duty.GROUP), titles(noGroups).toString());
        assertTrue(noGroups.notes().stream().anyMatch(n -> n.contains("未设党小组")), noGroups.notes().toString());
    }

    @Test
    void everySourceResolvesAndStatesItsRequirement() throws IOException {
        for (Profile p : List.of(Profile.of("高校", 30).in(XIAN), Profile.of("机关", 5).in(CHANGSHA),
                Profile.of("农村", 20).in("湖北省荆州市"), Profile.of("社区", 60))) {
            Checklist c = service.checklist(p);
            for (ChecklistItem item : java.util.stream.Stream.concat(c.items().stream(), c.references().stream()).toList()) {
                assertFalse(item.sources().isEmpty(), item.id());
                assertTrue(Checklist.CATEGORIES.contains(item.category()), item.category());
                for (ChecklistItem.Source source : item.sources()) {
                    var clause = library.clause(source.clauseId());
                    assertTrue(clause.isPresent(), source.clauseId());
                    assertEquals(clause.get().text(), source.text());
                    assertTrue(fold(RequirementExtractor.foldCounts(source.text())).contains(fold(source.sentence())),
                            source.sentence() + " is not in " + source.clauseId());
                }
                if (item.rows().isEmpty()) { // a table's rows are checked one by one in ChecklistProfilesTest
                    assertEquals(null, Stated.why(item.requirement(), item.sources()),
                            item.requirement());
                }
            }
        }
    }

    @Test
    void aCountysNewStandardBindsThatCountyAlone(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("new.txt"), "关于加强党支部安全教育的通知\n\n一、党支部每季度开展1次安全教育专题学习。\n\n"
                + "中共浏阳市委组织部\n2026年11月1日\n", StandardCharsets.UTF_8);
        String rule = "党支部每季度开展1次安全教育专题学习";
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.testing.TestVectors.shared())) {
            own.ingest(List.of(Paths.CORPUS, corpus));
            ChecklistService local = new ChecklistService(new Library(own));
            Checklist county = local.checklist(Profile.of("高校", 30).in("浏阳市"));
            ChecklistItem item = own(county).stream().filter(i -> fold(i.requirement()).contains(rule)).findFirst()
                    .orElseThrow(() -> new AssertionError("no item " + rule + " in " + titles(county)));
            assertEquals("湖南省长沙市浏阳市", item.sources().get(0).region());
            for (String elsewhere : List.of("湖南省长沙市", "湖南省", "湖南省长沙市宁乡市", XIAN)) {
                Checklist c = local.checklist(Profile.of("高校", 30).in(elsewhere));
                assertFalse(mentions(c, rule), "a county's rule does not bind " + elsewhere);
                assertFalse(says(c.references(), rule));
            }
            Checklist nowhere = local.checklist(Profile.of("高校", 30));
            assertFalse(mentions(nowhere, rule), "without a region a local rule is never the branch's own");
            assertTrue(says(nowhere.references(), rule), "it is shown among 各地做法");
        }
        assertFalse(mentions(service.checklist(Profile.of("高校", 30).in("浏阳市")), "安全教育"));
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

    /**
     * The calendar read by a second iCalendar library (ical4j; biweekly wrote it): lines folded within 75 octets, one
     * event per recurring duty, each recurring in the planned year as often as its duty asks and on the day the branch
     * fixed for it, the year's dates spread rather than piled on one day, each description citing the duty's clauses.
     */
    @Test
    void theCalendarHasEveryRecurringDutyOnTheBranchsDays() throws Exception {
        CalendarPlan plan = new CalendarPlan(2027, 12, 6, 22);
        java.util.Map<String, List<LocalDate>> byTitle = new java.util.HashMap<>();
        for (Profile profile : List.of(Profile.of("高校", 30).in(XIAN), Profile.of("农村", 8).in("湖北省荆州市"),
                Profile.of("社区", 60).in(CHANGSHA))) {
            Checklist c = service.checklist(profile);
            String ics = ChecklistWriters.ics(c, plan);
            for (String line : ics.split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "a line over 75 octets: " + line);
            }
            java.util.Map<String, ChecklistItem> recurring = new java.util.LinkedHashMap<>();
            c.items().stream().filter(BranchCalendar::recurs).forEach(i -> recurring.put(i.id(), i));
            var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
            List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents().stream()
                    .filter(x -> x instanceof net.fortuna.ical4j.model.component.VEvent)
                    .map(x -> (net.fortuna.ical4j.model.component.VEvent) x).toList();
            assertEquals(recurring.size(), events.size(), "one series per recurring duty: " + profile);
            java.util.Set<java.time.Month> firstMonths = java.util.EnumSet.noneOf(java.time.Month.class);
            for (var event : events) {
                String uid = event.getProperty(net.fortuna.ical4j.model.Property.UID).orElseThrow().getValue();
                ChecklistItem item = recurring.get(uid.substring(0, uid.indexOf('.')));
                assertTrue(item != null, "an event of no recurring duty: " + uid);
                List<LocalDate> dates = new ArrayList<>();
                for (var period : event.<LocalDate>calculateRecurrenceSet(new net.fortuna.ical4j.model.Period<>(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)))) {
                    dates.add(LocalDate.from(period.getStart()));
                }
                dates.sort(null);
                String what = item.requirement() + " " + dates;
                assertTrue(dates.stream().allMatch(d -> d.getYear() == 2027), "within the planned year: " + what);
                Frequency f = item.frequency();
                int periods = 12 / f.per().months();
                assertEquals(periods * f.times(), dates.size(), "as often as the duty asks: " + what);
                for (int k = 0; k < periods; k++) { // every period has its share
                    int from = k * f.per().months() + 1;
                    int to = from + f.per().months() - 1;
                    long in = dates.stream().filter(d -> d.getMonthValue() >= from && d.getMonthValue() <= to).count();
                    assertEquals(f.times(), in, "months " + from + "–" + to + ": " + what);
                }
                int day = item.duty() == Duty.GROUP ? plan.groupDay()
                        : item.duty() == Duty.COMMITTEE ? plan.committeeDay() : plan.partyDay();
                if (f.times() == 1) {
                    assertTrue(dates.stream().allMatch(d -> d.getDayOfMonth() == day), "on its fixed day: " + what);
                }
                firstMonths.add(dates.getFirst().getMonth());
                String description = event.getDescription().getValue();
                for (ChecklistItem.Source source : item.sources()) {
                    assertTrue(description.contains(ChecklistTable.citation(source)), "cites " + source.clauseId());
                }
                byTitle.put(profile.branchType() + ":" + item.requirement(), dates);
            }
            assertTrue(firstMonths.size() >= 3, "the year's duties start in several months: " + firstMonths);
        }
        List<LocalDate> fees = byTitle.entrySet().stream().filter(e -> e.getKey().startsWith("农村:")
                && e.getKey().contains("交纳党费")).map(java.util.Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no monthly 党费 in " + byTitle.keySet()));
        assertEquals(12, fees.size(), "党费 every month");
        List<LocalDate> volunteering = byTitle.entrySet().stream().filter(e -> e.getKey().startsWith("社区:")
                && e.getKey().contains("志愿服务") && e.getKey().contains("2次")).map(java.util.Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no 志愿服务 twice a year in " + byTitle.keySet()));
        assertEquals(2, volunteering.size(), volunteering.toString());
        List<LocalDate> themeDays = byTitle.entrySet().stream().filter(e -> e.getKey().startsWith("高校:")
                && e.getKey().contains("主题党日")).map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2027, 1, 12), themeDays.getFirst(), "the 主题党日 on the day the branch chose");
    }

    @Test
    void theJsonHasTheContractsFields() throws IOException {
        var json = zhibu.core.Json.MAPPER.readTree(ChecklistFormat.JSON.render(service.checklist(Profile.of("高校", 30)),
                CalendarPlan.defaults(LocalDate.now())));
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
