package zhibu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zhibu.core.BranchType;
import zhibu.core.Regions;
import zhibu.core.Values;
import zhibu.library.Library;

/**
 * Every branch type at 5, 15 and 60 members, in every bundled place and in none: no duty of a body above among the
 * branch's own items, no line twice, no fragment (see {@link Stated}), no rule of another place, no local rule among
 * the items of a branch whose place is not given. What the checklists should hold is measured against the hand-written
 * gold in {@link ChecklistGoldTest}: a word list of "matters the documents state" would ask for other bodies' duties.
 */
@Timeout(300)
class ChecklistProfilesTest {
    static Library library;
    static ChecklistService service;
    static final int[] SIZES = {5, 15, 60};
    /** No region, and a place of each bundled local document (and 杭州, which has none). */
    static final List<String> REGIONS = java.util.Arrays.asList(null, "湖南省岳阳市", "陕西省西安市", "湖北省荆州市",
            "江苏省苏州市", "浙江省杭州市");
    /** What only a body above a branch does, as the issue found it listed among a branch's own duties. */
    static final Pattern HIGHER = Pattern.compile("^(上级党组织|各级党委|党委（党组）|各地各单位|基层党委)|批复时间|发函提醒|摸排排查|督促各党支部");
    static final Pattern OPTION = Pattern.compile("可以|也可|提倡|鼓励|允许|自愿|^可(?!能)");
    @BeforeAll
    static void open() throws IOException {
        library = new Library(zhibu.testing.CorpusIndex.shared());
        service = new ChecklistService(library);
    }

    static String fold(String s) {
        return Values.foldCounts(s).replace("**", "").replaceAll("[\\s\\p{P}]", "");
    }

    @Test
    void everyProfileIsCleanAndComplete() throws IOException {
        List<String> problems = new ArrayList<>();
        for (BranchType type : BranchType.values()) {
          for (String region : REGIONS) {
            for (int members : SIZES) {
                Profile profile = Profile.of(type.label(), members).in(region);
                Checklist c = service.checklist(profile);
                String who = type.label() + " " + members + " " + region + ": ";
                for (ChecklistItem item : c.references()) {
                    if (region != null || item.sources().stream().anyMatch(x -> x.region().equals(Regions.NATIONAL))) {
                        problems.add(who + "a reference that binds the branch: " + item.requirement());
                    }
                }
                Set<String> seen = new HashSet<>();
                boolean higherSeen = false;
                for (ChecklistItem item : c.items()) {
                    if (!seen.add(fold(item.requirement()) + item.rows())) {
                        problems.add(who + "twice: " + item.requirement());
                    }
                    if (item.duty() == Duty.HIGHER) {
                        higherSeen = true;
                    } else {
                        if (higherSeen) {
                            problems.add(who + "a branch item after the higher section: " + item.requirement());
                        }
                        if (HIGHER.matcher(item.requirement()).find()) {
                            problems.add(who + "a higher body's duty among the branch's: " + item.requirement());
                        }
                    }
                    if (item.optional() && !OPTION.matcher(item.requirement()).find()) {
                        problems.add(who + "an option that does not say so: " + item.requirement());
                    }
                    for (ChecklistItem.Source source : item.sources()) {
                        if (!binds(source.region(), region)) {
                            problems.add(who + "a rule of " + source.region() + ": " + item.requirement());
                        }
                    }
                    if (item.rows().isEmpty()) {
                        String why = fragment(item.requirement(), item.sources());
                        if (why != null) {
                            problems.add(who + why + ": " + item.requirement());
                        }
                    }
                    for (ChecklistItem.Row row : item.rows()) {
                        String why = fragment(row.text(), List.of(row.source()));
                        if (why != null) {
                            problems.add(who + "table row " + why + ": " + row.text());
                        }
                    }
                }
            }
          }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    static String fragment(String text, List<ChecklistItem.Source> sources) {
        return Stated.why(text, sources);
    }

    /** Whether a document of one region binds a branch in another (null: the branch's region is not given). */
    static boolean binds(String docRegion, String branchRegion) {
        return Regions.NATIONAL.equals(docRegion) || branchRegion != null && docRegion != null
                && branchRegion.startsWith(docRegion);
    }

    @Test
    void optionsMeanWhatTheySay() throws IOException {
        String region = "湖南省长沙市";
        Checklist all = service.checklist(new Profile("高校", 30, true, true, null, region));
        Checklist noGroups = service.checklist(new Profile("高校", 30, false, true, null, region));
        Checklist noLeaders = service.checklist(new Profile("高校", 30, true, false, null, region));
        List<String> kept = noGroups.items().stream().map(ChecklistItem::id).toList();
        for (ChecklistItem item : all.items()) {
            if (!kept.contains(item.id())) {
                assertTrue(item.duty() == Duty.GROUP || item.requirement().contains("党小组"),
                        "groups=false dropped " + item.title() + ": " + item.requirement());
            }
        }
        assertTrue(noGroups.items().stream().anyMatch(i -> i.requirement().contains("支部委员会会议") && i.frequency() != null),
                "the monthly 支委会 still applies without party groups");
        assertTrue(noLeaders.items().stream().anyMatch(i -> i.requirement().contains("党支部书记每年至少为党员讲1次党课")),
                "the secretary's 党课 still applies without leading cadres");
        List<String> keptByLeaders = noLeaders.items().stream().map(ChecklistItem::id).toList();
        for (ChecklistItem item : all.items()) {
            if (!keptByLeaders.contains(item.id())) {
                assertTrue(item.requirement().contains("领导"), "leaders=false dropped " + item.requirement());
            }
        }
        assertFalse(all.items().stream().anyMatch(i -> i.optional() && i.requirement().contains("应当")));
    }

    @Test
    void partyFeesAreOneTableWithEveryBand() throws IOException {
        Checklist c = service.checklist(Profile.of("国有企业", 45));
        List<ChecklistItem> tables = c.items().stream().filter(i -> !i.rows().isEmpty()).toList();
        assertEquals(1, tables.size());
        String rows = String.join("\n", tables.get(0).rows().stream().map(ChecklistItem.Row::text).toList());
        for (String band : List.of("3000元以下", "离退休", "农民党员", "学生党员")) {
            assertTrue(rows.contains(band), band + " in " + rows);
        }
        assertTrue(c.items().stream().noneMatch(i -> i.rows().isEmpty() && i.requirement().startsWith("交纳")),
                "no band cut from its subject");
        ChecklistItem quarterly = c.items().stream().filter(i -> i.requirement().contains("可以每季度交纳1次党费"))
                .findFirst().orElseThrow();
        assertTrue(quarterly.optional(), "可以每季度交纳 is an option, not a quarterly duty");
        assertTrue(c.items().stream().anyMatch(i -> i.requirement().contains("按月交纳党费") && !i.optional()));
    }
}
