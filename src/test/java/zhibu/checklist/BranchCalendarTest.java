package zhibu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zhibu.core.Frequency;
import zhibu.core.Period;

/**
 * The year's plan on duties made up for it: counts that do not divide their period, several times a month, months
 * the text names, the holder's fixed day, spreading, and what never gets a date — each read back through ical4j.
 */
class BranchCalendarTest {
    static final CalendarPlan PLAN = new CalendarPlan(2027, 12, 6, 22);

    static ChecklistItem item(String id, String text, Period per, int times, Duty duty, boolean optional) {
        return new ChecklistItem(id, "组织生活", "测试", text, new Frequency(per, times), List.of(), List.of(), duty,
                duty.chinese(), optional, "测试", List.of("测试"), List.of());
    }

    /** Each item's dates as ical4j expands the calendar's events, by the item's id. */
    static Map<String, List<LocalDate>> read(List<ChecklistItem> items) throws Exception {
        Checklist checklist = new Checklist(Profile.of("机关", 30).in("湖南省"), items, List.of(), List.of());
        String ics = ChecklistWriters.ics(checklist, PLAN);
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new StringReader(ics));
        Map<String, List<LocalDate>> dates = new TreeMap<>();
        for (var component : calendar.getComponents()) {
            if (!(component instanceof net.fortuna.ical4j.model.component.VEvent event)) {
                continue;
            }
            String uid = event.getProperty(net.fortuna.ical4j.model.Property.UID).orElseThrow().getValue();
            List<LocalDate> list = new ArrayList<>();
            for (var period : event.<LocalDate>calculateRecurrenceSet(new net.fortuna.ical4j.model.Period<>(
                    LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)))) {
                list.add(LocalDate.from(period.getStart()));
            }
            list.sort(null);
            dates.put(uid.substring(0, uid.indexOf('.')), list);
        }
        return dates;
    }

    static List<Integer> months(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::getMonthValue).toList();
    }

    @Test
    void countsThatDoNotDivideTheirPeriodFallThatManyTimes() throws Exception {
        Map<String, List<LocalDate>> d = read(List.of(
                item("five", "党员每年参加5次志愿服务", Period.YEAR, 5, Duty.MEMBER, false),
                item("twice-quarter", "党支部每季度开展2次学习", Period.QUARTER, 2, Duty.BRANCH, false),
                item("twice-month", "党小组每月开展2次学习", Period.MONTH, 2, Duty.GROUP, false)));
        assertEquals(5, d.get("five").size(), d.toString());
        assertEquals(5, months(d.get("five")).stream().distinct().count(), "five months: " + d.get("five"));
        assertEquals(8, d.get("twice-quarter").size(), d.toString());
        for (int q = 0; q < 4; q++) {
            int from = q * 3 + 1;
            assertEquals(2, months(d.get("twice-quarter")).stream().filter(m -> m >= from && m < from + 3).count());
        }
        assertEquals(24, d.get("twice-month").size());
        assertTrue(d.get("twice-month").stream().anyMatch(x -> x.getDayOfMonth() == PLAN.groupDay()),
                "the groups' day: " + d.get("twice-month"));
    }

    @Test
    void yearlyDutiesFallInTheMonthTheirTextNamesElseSpreadOverTheYear() throws Exception {
        Map<String, List<LocalDate>> d = read(List.of(
                item("start", "党支部年初制定全年工作计划", Period.YEAR, 1, Duty.BRANCH, false),
                item("end", "执行情况每年年底报上级党组织备案", Period.YEAR, 1, Duty.BRANCH, false),
                item("q4", "党支部每年召开1次组织生活会，一般安排在第四季度", Period.YEAR, 1, Duty.BRANCH, false),
                item("a", "党支部每年开展1次民主评议党员", Period.YEAR, 1, Duty.BRANCH, false),
                item("b", "班子成员之间每年至少谈心谈话1次", Period.YEAR, 1, Duty.COMMITTEE, false),
                item("q1", "党员大会每季度召开1次", Period.QUARTER, 1, Duty.BRANCH, false),
                item("q2", "党课每季度安排1次", Period.QUARTER, 1, Duty.BRANCH, false),
                item("option", "可以每季度交纳1次党费", Period.QUARTER, 1, Duty.MEMBER, true),
                item("above", "上级党组织每年培训党支部书记1次", Period.YEAR, 1, Duty.HIGHER, false)));
        assertEquals(List.of(LocalDate.of(2027, 1, 12)), d.get("start"));
        assertEquals(List.of(12), months(d.get("end")));
        assertEquals(List.of(11), months(d.get("q4")));
        assertTrue(!months(d.get("a")).equals(months(d.get("b"))), "two yearly duties, two months: " + d);
        assertEquals(PLAN.committeeDay(), d.get("b").getFirst().getDayOfMonth(), "the committee's day");
        assertEquals(4, d.get("q1").size());
        assertTrue(!months(d.get("q1")).equals(months(d.get("q2"))), "two quarterly duties spread: " + d);
        assertTrue(!d.containsKey("option") && !d.containsKey("above"), "options and bodies above get no date");
    }
}
