package zhibu.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import zhibu.core.Quantity;
import zhibu.ingest.DocumentIds;

/**
 * Turns extracted requirements into the checklist of one profile: keeps those that apply to its branch type and
 * whose member conditions it meets, drops the matters that only exist above a member threshold it does not reach
 * (no 支部委员会 under 7), merges the same requirement from several documents — and the same sentence wherever it
 * stands — into one item with its variants, the item following the strictest, and gathers the 党费 bands into one
 * table item. The branch's own items come first by category; what it can expect from above comes last.
 */
public final class ChecklistBuilder {
    private static final Pattern STAFF = Pattern.compile("教职工|教师");
    private static final Pattern STUDENTS = Pattern.compile("学生");
    /** Persons whose duties show only when the branch has them. */
    private static final Set<String> LEADERS = Set.of("党员领导干部", "领导班子成员");
    private static final String FEES = "党费";
    static final String FEE_TABLE = "党员按月交纳党费，交纳标准如下：";

    private final List<Requirement> requirements;
    private final Map<String, Integer> thresholds;

    /** @param thresholds the member count from which a matter exists (支委会 → 7), see RequirementExtractor */
    public ChecklistBuilder(List<Requirement> requirements, Map<String, Integer> thresholds) {
        this.requirements = List.copyOf(requirements);
        this.thresholds = Map.copyOf(thresholds);
    }

    public Checklist build(Profile profile) {
        Map<String, List<Requirement>> byKey = new LinkedHashMap<>();
        Map<String, String> keyOfStatement = new LinkedHashMap<>();
        List<Requirement> feeBands = new ArrayList<>();
        for (Requirement r : requirements) {
            if (!applies(r, profile)) {
                continue;
            }
            if (feeBand(r)) {
                feeBands.add(r);
                continue;
            }
            String key = keyOfStatement.computeIfAbsent(fold(r.statement()), s -> r.key()); // one sentence, one item
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (List<Requirement> same : byKey.values()) {
            if (oneDocumentSaysTwoThings(same)) { // two sentences of one document are two duties, never variants
                Map<String, List<Requirement>> byStatement = new LinkedHashMap<>();
                same.forEach(r -> byStatement.computeIfAbsent(fold(r.statement()), k -> new ArrayList<>()).add(r));
                byStatement.values().forEach(group -> items.add(item(group)));
            } else {
                items.add(item(same));
            }
        }
        if (!feeBands.isEmpty()) {
            items.add(feeTable(feeBands));
        }
        items.sort(Comparator.comparing((ChecklistItem i) -> i.duty() == Duty.HIGHER)
                .thenComparingInt(i -> Checklist.CATEGORIES.indexOf(i.category())));
        return new Checklist(profile, items, notes(profile));
    }

    private static boolean oneDocumentSaysTwoThings(List<Requirement> same) {
        Map<String, java.util.Set<String>> statements = new LinkedHashMap<>();
        for (Requirement r : same) {
            statements.computeIfAbsent(r.docId(), d -> new java.util.HashSet<>()).add(fold(r.statement()));
        }
        return statements.values().stream().anyMatch(m -> m.size() > 1);
    }

    /** A band of the 党费 rates (在职 by income, 离退休, 农民, 学生 …): a member's duty with a rate or an amount. */
    private static boolean feeBand(Requirement r) {
        return r.matter().name().equals(FEES) && r.duty() == Duty.MEMBER && !r.optional() && r.quantity() != null
                && (r.quantity().unit().equals("%") || r.quantity().unit().equals("元")) && r.frequency() == null
                && r.statement().contains("交纳");
    }

    private boolean applies(Requirement r, Profile profile) {
        if (!r.branchTypes().contains(profile.branchType())) {
            return false;
        }
        if (r.condition() != null && !r.condition().holdsFor(profile.members())) {
            return false;
        }
        for (String term : r.terms()) {
            Integer needed = thresholds.get(term);
            if (needed != null && profile.members() < needed && (r.condition() == null || r.condition().min() == null)) {
                return false;
            }
        }
        if (!profile.partyGroups() && !r.terms().isEmpty() && r.terms().stream().allMatch(t -> t.contains("党小组"))) {
            return false; // only what is about party groups alone; 支委会和党小组会 still holds for the 支委会
        }
        if (profile.campus() != null && !forCampus(r.statement(), profile.campus())) {
            return false;
        }
        // 党员领导干部和党支部书记每年讲党课 still binds the secretary of a branch without leading cadres
        return profile.leaders() || !LEADERS.contains(r.person()) || r.statement().contains("书记");
    }

    /** A students' branch skips what is only for teaching staff, and the other way round. */
    private static boolean forCampus(String statement, String campus) {
        boolean staff = STAFF.matcher(statement).find();
        boolean students = STUDENTS.matcher(statement).find();
        return campus.equals("学生") ? !staff || students : !students || staff;
    }

    private ChecklistItem item(List<Requirement> same) {
        Map<String, List<Requirement>> byMeasure = new LinkedHashMap<>();
        for (Requirement r : same) {
            byMeasure.computeIfAbsent(measure(r), k -> new ArrayList<>()).add(r);
        }
        Requirement strictest = same.get(0);
        for (Requirement r : same) {
            if (stricter(r, strictest)) {
                strictest = r;
            }
        }
        List<ChecklistItem.Variant> variants = new ArrayList<>();
        long documents = same.stream().map(Requirement::docId).distinct().count();
        if (byMeasure.size() > 1 && documents > 1) { // one document's own wordings are not variants
            for (List<Requirement> group : byMeasure.values()) {
                variants.add(new ChecklistItem.Variant(group.get(0).statement(), group.get(0).frequency(), sources(group)));
            }
        }
        String id = "item-" + DocumentIds.sha256Hex(strictest.key() + "|" + fold(strictest.statement())).substring(0, 10);
        return new ChecklistItem(id, strictest.matter().category(), strictest.title(), strictest.statement(),
                strictest.frequency(), sources(same), variants, strictest.duty(), strictest.optional(),
                strictest.matter().name(), same.stream().flatMap(r -> r.matters().stream()).distinct().toList(), List.of());
    }

    private ChecklistItem feeTable(List<Requirement> bands) {
        List<ChecklistItem.Row> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Requirement r : bands) {
            if (!seen.contains(fold(r.statement()))) {
                seen.add(fold(r.statement()));
                rows.add(new ChecklistItem.Row(r.statement(), source(r)));
            }
        }
        Requirement first = bands.get(0);
        return new ChecklistItem("item-" + DocumentIds.sha256Hex("fee-table").substring(0, 10),
                first.matter().category(), "党费交纳标准", FEE_TABLE, null, sources(bands), List.of(), Duty.MEMBER,
                false, first.matter().name(), List.of(first.matter().name()), rows);
    }

    /** What two requirements of one item may differ in: their frequency or number (wording aside). */
    private static String measure(Requirement r) {
        if (r.frequency() != null) {
            return r.frequency().label();
        }
        if (r.quantity() != null) {
            return r.quantity().comparator() + r.quantity().value() + r.quantity().upTo() + r.quantity().unit();
        }
        return fold(r.statement());
    }

    private static boolean stricter(Requirement a, Requirement b) {
        if (a.frequency() != null && b.frequency() != null) {
            return a.frequency().perYear() > b.frequency().perYear();
        }
        if (a.quantity() != null && b.quantity() != null && a.quantity().comparator().equals(b.quantity().comparator())) {
            return a.quantity().stricterThan(b.quantity());
        }
        return false;
    }

    private static ChecklistItem.Source source(Requirement r) {
        return new ChecklistItem.Source(r.clauseId(), r.docTitle(), r.docNumber(), r.path(), r.clauseText());
    }

    /**
     * Where a requirement is written: each wording once (its places aside), at its first clause. A rule copied
     * into every county's rules is cited once, not a thousand times.
     */
    private List<ChecklistItem.Source> sources(List<Requirement> group) {
        Map<String, ChecklistItem.Source> byWording = new LinkedHashMap<>();
        for (Requirement r : group) {
            byWording.putIfAbsent(zhibu.core.Regions.get().withoutPlaces(fold(r.clauseText())), source(r));
        }
        return List.copyOf(byWording.values());
    }

    /** A statement without spaces and punctuation, to tell the same sentence wherever it stands. */
    static String fold(String s) {
        return s.replaceAll("[\\s\\p{P}]", "");
    }

    /** Advice on the profile itself, from the size limits the sources state. */
    private List<String> notes(Profile profile) {
        List<String> notes = new ArrayList<>();
        for (Requirement r : requirements) {
            if (r.quantity() != null && r.quantity().comparator().equals(Quantity.MAX) && r.quantity().unit().equals("人")
                    && r.statement().contains("党员人数") && profile.members() > r.quantity().value()
                    && r.branchTypes().contains(profile.branchType())) {
                String note = "党员" + profile.members() + "人，超过“" + r.statement() + "”（" + r.docTitle()
                        + "），建议分设党支部或在支部下设党小组。";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return notes;
    }
}
