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
 * table item. The branch's own items come first by category; what it can expect from above comes last. What does not
 * depend on the profile (each requirement's folded sentence, key, measure and source wording) is worked out once, when
 * the builder is made, so a checklist of a thousand times the corpus is a pass of map lookups.
 */
public final class ChecklistBuilder {
    private static final Pattern STAFF = Pattern.compile("教职工|教师");
    private static final Pattern STUDENTS = Pattern.compile("学生");
    /** Persons whose duties show only when the branch has them. */
    private static final Set<String> LEADERS = Set.of("党员领导干部", "领导班子成员");
    private static final String FEES = "党费";
    static final String FEE_TABLE = "党员按月交纳党费，交纳标准如下：";

    /** The requirements that apply to each branch type, in their order. */
    private final Map<String, List<Prepared>> byType;
    private final Map<String, Integer> thresholds;

    /**
     * A requirement with what the checklists need of it besides: its sentence folded (places aside: the rule a
     * hundred cities copy into their own rules is one item), its key, what it measures,
     * the wording of its clause (places aside), and whether it is a band of the 党费 table.
     */
    private record Prepared(Requirement r, String statement, String key, String measure, String wording,
                            boolean feeBand) {
        static Prepared of(Requirement r, String wording) {
            String statement = zhibu.core.Regions.get().withoutPlaces(fold(r.statement())); // places aside
            return new Prepared(r, statement, r.key(), ChecklistBuilder.measure(r, statement), wording,
                    ChecklistBuilder.feeBand(r));
        }
    }

    /** @param thresholds the member count from which a matter exists (支委会 → 7), see RequirementExtractor */
    public ChecklistBuilder(List<Requirement> requirements, Map<String, Integer> thresholds) {
        Map<String, String> wordingOfText = new java.util.HashMap<>(); // a clause's several requirements: once
        Map<String, String> wordings = new java.util.HashMap<>(); // one string per wording, however many copies
        Map<String, List<Prepared>> byType = new java.util.HashMap<>();
        for (Requirement r : requirements) {
            Prepared p = Prepared.of(r, wordingOfText.computeIfAbsent(r.clauseText(),
                    t -> wordings.computeIfAbsent(zhibu.core.Regions.get().withoutPlaces(fold(t)), w -> w)));
            r.branchTypes().forEach(type -> byType.computeIfAbsent(type, k -> new ArrayList<>()).add(p));
        }
        this.byType = byType;
        this.thresholds = Map.copyOf(thresholds);
    }

    public Checklist build(Profile profile) {
        Map<String, List<Prepared>> byKey = new LinkedHashMap<>();
        Map<String, String> keyOfStatement = new java.util.HashMap<>();
        List<Prepared> feeBands = new ArrayList<>();
        for (Prepared p : byType.getOrDefault(profile.branchType(), List.of())) {
            if (!applies(p.r(), profile)) {
                continue;
            }
            if (p.feeBand()) {
                feeBands.add(p);
                continue;
            }
            String key = keyOfStatement.computeIfAbsent(p.statement(), s -> p.key()); // one sentence, one item
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (List<Prepared> same : byKey.values()) {
            if (oneDocumentSaysTwoThings(same)) { // two sentences of one document are two duties, never variants
                Map<String, List<Prepared>> byStatement = new LinkedHashMap<>();
                same.forEach(p -> byStatement.computeIfAbsent(p.statement(), k -> new ArrayList<>()).add(p));
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

    private static boolean oneDocumentSaysTwoThings(List<Prepared> same) {
        Map<String, String> statementOf = new java.util.HashMap<>();
        for (Prepared p : same) {
            String before = statementOf.putIfAbsent(p.r().docId(), p.statement());
            if (before != null && !before.equals(p.statement())) {
                return true;
            }
        }
        return false;
    }

    /** A band of the 党费 rates (在职 by income, 离退休, 农民, 学生 …): a member's duty with a rate or an amount. */
    private static boolean feeBand(Requirement r) {
        return r.matter().name().equals(FEES) && r.duty() == Duty.MEMBER && !r.optional() && r.quantity() != null
                && (r.quantity().unit().equals("%") || r.quantity().unit().equals("元")) && r.frequency() == null
                && r.statement().contains("交纳");
    }

    /** Whether a requirement of the profile's branch type applies to it. */
    private boolean applies(Requirement r, Profile profile) {
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

    private ChecklistItem item(List<Prepared> same) {
        Map<String, List<Prepared>> byMeasure = new LinkedHashMap<>();
        for (Prepared p : same) {
            byMeasure.computeIfAbsent(p.measure(), k -> new ArrayList<>()).add(p);
        }
        Prepared strictest = same.get(0);
        for (Prepared p : same) {
            if (stricter(p.r(), strictest.r())) {
                strictest = p;
            }
        }
        List<ChecklistItem.Variant> variants = new ArrayList<>();
        long documents = same.stream().map(p -> p.r().docId()).distinct().limit(2).count();
        if (byMeasure.size() > 1 && documents > 1) { // one document's own wordings are not variants
            for (List<Prepared> group : byMeasure.values()) {
                Requirement first = group.get(0).r();
                variants.add(new ChecklistItem.Variant(first.statement(), first.frequency(), sources(group)));
            }
        }
        Requirement r = strictest.r();
        String id = "item-" + DocumentIds.sha256Hex(strictest.key() + "|" + strictest.statement()).substring(0, 10);
        return new ChecklistItem(id, r.matter().category(), r.title(), r.statement(), r.frequency(), sources(same),
                variants, r.duty(), r.optional(), r.matter().name(),
                same.stream().flatMap(p -> p.r().matters().stream()).distinct().toList(), List.of());
    }

    private ChecklistItem feeTable(List<Prepared> bands) {
        List<ChecklistItem.Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Prepared p : bands) {
            if (seen.add(p.statement())) {
                rows.add(new ChecklistItem.Row(p.r().statement(), source(p.r())));
            }
        }
        Requirement first = bands.get(0).r();
        return new ChecklistItem("item-" + DocumentIds.sha256Hex("fee-table").substring(0, 10),
                first.matter().category(), "党费交纳标准", FEE_TABLE, null, sources(bands), List.of(), Duty.MEMBER,
                false, first.matter().name(), List.of(first.matter().name()), rows);
    }

    /** What two requirements of one item may differ in: their frequency or number (wording aside). */
    private static String measure(Requirement r, String folded) {
        if (r.frequency() != null) {
            return r.frequency().label();
        }
        if (r.quantity() != null) {
            return r.quantity().comparator() + r.quantity().value() + r.quantity().upTo() + r.quantity().unit();
        }
        return folded;
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
        return new ChecklistItem.Source(r.clauseId(), r.docTitle(), r.docNumber(), r.path(), r.clauseText(),
                r.statement());
    }

    /**
     * Where a requirement is written: each wording once (its places aside), at its first clause. A rule copied
     * into every county's rules is cited once, not a thousand times.
     */
    private static List<ChecklistItem.Source> sources(List<Prepared> group) {
        Map<String, Requirement> byWording = new LinkedHashMap<>();
        for (Prepared p : group) {
            byWording.putIfAbsent(p.wording(), p.r());
        }
        return byWording.values().stream().map(ChecklistBuilder::source).toList();
    }

    /** A statement without spaces and punctuation, to tell the same sentence wherever it stands. */
    static String fold(String s) {
        return s.replaceAll("[\\s\\p{P}]", "");
    }

    /** Advice on the profile itself, from the size limits the sources state. */
    private List<String> notes(Profile profile) {
        List<String> notes = new ArrayList<>();
        for (Prepared p : byType.getOrDefault(profile.branchType(), List.of())) {
            Requirement r = p.r();
            if (r.quantity() != null && r.quantity().comparator().equals(Quantity.MAX) && r.quantity().unit().equals("人")
                    && r.statement().contains("党员人数") && profile.members() > r.quantity().value()) {
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
