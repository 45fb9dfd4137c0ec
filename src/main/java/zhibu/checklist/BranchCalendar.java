package zhibu.checklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A branch's year as series of dates, one series per recurring duty of its checklist: each on the day the branch fixed
 * for it (主题党日 and what the whole branch does on its 主题党日, the committee's meetings, the groups' meetings), in the
 * months its frequency asks for, those of several duties of one frequency spread over the period (one quarterly duty
 * in the period's last month, the next in the month before…) unless a yearly duty names when (年初, 年底, 第四季度).
 * A duty done several times a period (每年2次, 每年5次) falls that many times in it, as evenly as whole months allow.
 */
public final class BranchCalendar {
    private static final Pattern START_OF_YEAR = Pattern.compile("年初");
    private static final Pattern END_OF_YEAR = Pattern.compile("年底|年末|年终");
    private static final Pattern LAST_QUARTER = Pattern.compile("第四季度");
    private static final Pattern MEETING_OF_COMMITTEE = Pattern.compile("委员会会议|支委会");

    /**
     * One duty's dates: on {@code days} of each of {@code months} of the year — written as one yearly rule
     * (BYMONTH, BYMONTHDAY), so 每年5次 is five months, not a spacing that rounds to six.
     */
    public record Series(ChecklistItem item, List<Integer> months, List<Integer> days, int year) {
        /** The series' first date. */
        public LocalDate first() {
            return LocalDate.of(year, months.getFirst(), days.getFirst());
        }

        /** The year's last day: where its recurrence ends. */
        public LocalDate until() {
            return LocalDate.of(year, 12, 31);
        }
    }

    private BranchCalendar() {
    }

    /** Whether an item recurs in a year: a branch's own duty, required, how often given in months. */
    public static boolean recurs(ChecklistItem item) {
        return item.frequency() != null && !item.optional() && item.duty() != Duty.HIGHER
                && item.frequency().per().months() > 0;
    }

    public static List<Series> of(Checklist checklist, CalendarPlan plan) {
        List<Series> series = new ArrayList<>();
        Map<Integer, Integer> placed = new HashMap<>(); // how many duties of each period length are placed so far
        for (ChecklistItem item : checklist.items()) {
            if (!recurs(item)) {
                continue;
            }
            int period = item.frequency().per().months();
            int times = Math.max(1, item.frequency().times());
            int day = day(item, plan);
            // more times than the period has months (每月2次, 每季度4次): every month, on several days
            int perMonth = (times + period - 1) / period;
            List<Integer> days = new ArrayList<>();
            for (int t = 0; t < perMonth && t < CalendarPlan.LAST_DAY; t++) {
                days.add((day - 1 + t * (CalendarPlan.LAST_DAY / perMonth)) % CalendarPlan.LAST_DAY + 1);
            }
            List<Integer> inPeriod = new ArrayList<>(); // the months of a period it falls in, from 0
            if (perMonth > 1) {
                for (int m = 0; m < period; m++) {
                    inPeriod.add(m);
                }
            } else {
                Integer named = namedMonth(item, period / times);
                int first;
                if (named != null) {
                    first = named - 1;
                } else { // the last month of its share of the period, then the one before …
                    int share = period / times;
                    int k = placed.merge(period * 100 + times, 1, Integer::sum) - 1;
                    first = Math.max(0, share - 1 - k % Math.max(1, share));
                }
                for (int t = 0; t < times; t++) {
                    inPeriod.add((first + t * period / times) % period);
                }
            }
            java.util.TreeSet<Integer> months = new java.util.TreeSet<>();
            for (int start = 1; start <= 12; start += period) {
                for (int m : inPeriod) {
                    months.add(start + m);
                }
            }
            series.add(new Series(item, List.copyOf(months), days.stream().sorted().toList(), plan.year()));
        }
        return series;
    }

    /** The day a duty falls on: its holder's fixed meeting day, or the 主题党日 for what the whole branch does. */
    static int day(ChecklistItem item, CalendarPlan plan) {
        if (item.duty() == Duty.GROUP) {
            return plan.groupDay();
        }
        if (item.duty() == Duty.COMMITTEE || MEETING_OF_COMMITTEE.matcher(item.requirement()).find()
                && !item.requirement().contains("党员大会")) {
            return plan.committeeDay();
        }
        return plan.partyDay();
    }

    /**
     * The month a yearly duty's own words put it in (年初 January, 年底 December, 第四季度 November), or the last of a
     * half-year for one said to fall at the year's end; null when they name none.
     */
    static Integer namedMonth(ChecklistItem item, int every) {
        if (every != 12 && every != 6) {
            return null;
        }
        String text = item.requirement();
        if (every == 12) {
            if (START_OF_YEAR.matcher(text).find()) {
                return 1;
            }
            if (END_OF_YEAR.matcher(text).find()) {
                return 12;
            }
            if (LAST_QUARTER.matcher(text).find()) {
                return 11;
            }
        }
        if (every == 6 && END_OF_YEAR.matcher(text).find()) {
            return 6;
        }
        return null;
    }
}
