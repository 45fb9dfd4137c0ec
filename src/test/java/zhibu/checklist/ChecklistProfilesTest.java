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
import zhibu.core.Clause;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;
import zhibu.core.Values;
import zhibu.library.Library;

/**
 * Every branch type at 5, 15 and 60 members: no duty of a body above among the branch's own items, no line twice, no
 * fragment (each item a whole sentence of its source, or a piece of one that names its own subject), and every matter
 * of the coverage table that the profile's documents state is in the checklist.
 */
@Timeout(300)
class ChecklistProfilesTest {
    static Library library;
    static ChecklistService service;
    static final int[] SIZES = {5, 15, 60};
    /** What only a body above a branch does, as the issue found it listed among a branch's own duties. */
    static final Pattern HIGHER = Pattern.compile("^(上级党组织|各级党委|党委（党组）|各地各单位|基层党委)|批复时间|发函提醒|摸排排查|督促各党支部");
    static final Pattern BINDING = Pattern.compile("应当|必须|不得|每[月季年半]\\D{0,6}\\d+次|不少于|不超过");
    static final Pattern OPTION = Pattern.compile("可以|提倡|鼓励|允许|自愿|可");
    static List<String> names;

    @BeforeAll
    static void open() throws IOException {
        library = new Library(zhibu.testing.CorpusIndex.shared());
        service = new ChecklistService(library);
        names = new ArrayList<>();
        zhibu.analysis.DomainDictionary.dataLines("actors.tsv").forEach(l -> names.add(l.split("\t")[0]));
        names.addAll(zhibu.analysis.DomainDictionary.terms());
    }

    static String fold(String s) {
        return Values.foldCounts(s).replace("**", "").replaceAll("[\\s\\p{P}]", "");
    }

    @Test
    void everyProfileIsCleanAndComplete() throws IOException {
        List<String> problems = new ArrayList<>();
        for (BranchType type : BranchType.values()) {
            List<String> stated = statedMatters(type.label());
            for (int members : SIZES) {
                Profile profile = Profile.of(type.label(), members);
                Checklist c = service.checklist(profile);
                String who = type.label() + " " + members + ": ";
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
                for (String matter : stated) {
                    if (c.items().stream().noneMatch(i -> i.matters().contains(matter))) {
                        problems.add(who + "the documents state " + matter + " but the checklist has no item on it");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * Why a text is no whole requirement of its sources, or null: it must be one of their sentences, or a piece of
     * one (between commas or semicolons) that starts with a name or a domain term of its own.
     */
    static String fragment(String text, List<ChecklistItem.Source> sources) {
        String t = fold(text);
        for (ChecklistItem.Source source : sources) {
            String clause = Values.foldCounts(source.text()).replace("**", "");
            for (String sentence : clause.split("(?<=[。！？])")) {
                String s = fold(sentence.strip().replaceFirst("^(?:[（(]?\\d+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、|——)\\s*", ""));
                if (s.equals(t)) {
                    return null;
                }
                if (!s.contains(t)) {
                    continue;
                }
                String raw = sentence.replace(" ", "");
                for (String piece : raw.split("[，,；]")) {
                    if (fold(piece).isEmpty() || !t.startsWith(fold(piece))) {
                        continue;
                    }
                    String start = text.length() > 4 ? text.substring(0, 4) : text;
                    if (names.stream().anyMatch(n -> text.startsWith(n) || start.contains(n.substring(0, Math.min(2, n.length()))))) {
                        return null;
                    }
                    return "a piece without its own subject";
                }
                return "cut inside a sentence";
            }
        }
        return "not a sentence of its sources";
    }

    /** The core matters that a rule document applying to this branch type binds with a number or 应当/必须. */
    static List<String> statedMatters(String type) throws IOException {
        List<String> stated = new ArrayList<>();
        for (DocumentMetadata doc : library.documents()) {
            if (doc.kind() == DocumentKind.EXPERIENCE) {
                continue;
            }
            for (Clause clause : library.clausesOf(doc.id())) {
                if (!clause.branchTypes().isEmpty() && !clause.branchTypes().contains(type)) {
                    continue;
                }
                for (String sentence : Values.foldCounts(clause.text()).split("[。！？]")) {
                    if (!BINDING.matcher(sentence).find() || HIGHER.matcher(sentence.strip()).find()) {
                        continue;
                    }
                    for (Matters.Matter m : Matters.core()) {
                        if (m.pattern().matcher(sentence).find() && !stated.contains(m.name())) {
                            stated.add(m.name());
                        }
                    }
                }
            }
        }
        return stated;
    }

    @Test
    void optionsMeanWhatTheySay() throws IOException {
        Checklist all = service.checklist(new Profile("高校", 30, true, true));
        Checklist noGroups = service.checklist(new Profile("高校", 30, false, true));
        Checklist noLeaders = service.checklist(new Profile("高校", 30, true, false));
        List<String> kept = noGroups.items().stream().map(ChecklistItem::id).toList();
        for (ChecklistItem item : all.items()) {
            if (!kept.contains(item.id())) {
                assertTrue(item.title().contains("党小组"), "groups=false dropped " + item.title() + ": " + item.requirement());
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
