package zhibu.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import zhibu.core.Quantity;
import zhibu.ingest.DocumentIds;

/**
 * Turns extracted requirements into the checklist of one profile: keeps those that apply to its branch type and
 * whose member conditions it meets, drops the matters that only exist above a member threshold it does not reach
 * (no 支部委员会 under 7), merges the same requirement from several documents into one item and lists the
 * variants where they differ, the item following the strictest.
 */
public final class ChecklistBuilder {
    private static final Pattern PARTY_GROUPS = Pattern.compile("党小组");
    private static final Pattern STAFF = Pattern.compile("教职工|教师");
    private static final Pattern STUDENTS = Pattern.compile("学生");
    private static final Pattern LEADERS = Pattern.compile("党员领导干部|领导班子成员");

    private final List<Requirement> requirements;
    private final Map<String, Integer> thresholds;

    /** @param thresholds the member count from which a matter exists (支委会 → 7), see RequirementExtractor */
    public ChecklistBuilder(List<Requirement> requirements, Map<String, Integer> thresholds) {
        this.requirements = List.copyOf(requirements);
        this.thresholds = Map.copyOf(thresholds);
    }

    public Checklist build(Profile profile) {
        Map<String, List<Requirement>> byKey = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            if (applies(r, profile)) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (List<Requirement> same : byKey.values()) {
            items.add(item(same));
        }
        items.sort(Comparator.comparingInt((ChecklistItem i) -> Checklist.CATEGORIES.indexOf(i.category())));
        return new Checklist(profile, items, notes(profile));
    }

    private boolean applies(Requirement r, Profile profile) {
        if (!r.branchTypes().contains(profile.branchType())) {
            return false;
        }
        if (r.condition() != null && !r.condition().holdsFor(profile.members())) {
            return false;
        }
        Integer needed = thresholds.get(r.matter());
        if (needed != null && profile.members() < needed && (r.condition() == null || r.condition().min() == null)) {
            return false;
        }
        if (!profile.partyGroups() && PARTY_GROUPS.matcher(r.statement() + r.matter()).find()) {
            return false;
        }
        if (profile.campus() != null && !forCampus(r.statement(), profile.campus())) {
            return false;
        }
        return profile.leaders() || !LEADERS.matcher(r.statement()).find();
    }

    /** A students' branch skips what is only for teaching staff, and the other way round. */
    private static boolean forCampus(String statement, String campus) {
        boolean staff = STAFF.matcher(statement).find();
        boolean students = STUDENTS.matcher(statement).find();
        return campus.equals("学生") ? !staff || students : !students || staff;
    }

    private ChecklistItem item(List<Requirement> same) {
        Map<String, List<Requirement>> byStatement = new LinkedHashMap<>();
        for (Requirement r : same) {
            byStatement.computeIfAbsent(measure(r), k -> new ArrayList<>()).add(r);
        }
        Requirement strictest = same.get(0);
        for (Requirement r : same) {
            if (stricter(r, strictest)) {
                strictest = r;
            }
        }
        List<ChecklistItem.Variant> variants = new ArrayList<>();
        long documents = same.stream().map(Requirement::docId).distinct().count();
        if (byStatement.size() > 1 && documents > 1) { // one document's own wordings are not variants
            for (List<Requirement> group : byStatement.values()) {
                variants.add(new ChecklistItem.Variant(group.get(0).statement(), group.get(0).frequency(), sources(group)));
            }
        }
        String id = "item-" + DocumentIds.sha256Hex(strictest.key()).substring(0, 10);
        return new ChecklistItem(id, strictest.category(), strictest.matter(), strictest.statement(),
                strictest.frequency(), sources(same), variants);
    }

    /** What two requirements of one item may differ in: their frequency or number (wording aside). */
    private static String measure(Requirement r) {
        if (r.frequency() != null) {
            return r.frequency().label();
        }
        if (r.quantity() != null) {
            return r.quantity().comparator() + r.quantity().value() + r.quantity().upTo() + r.quantity().unit();
        }
        return r.statement();
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

    private List<ChecklistItem.Source> sources(List<Requirement> group) {
        Map<String, ChecklistItem.Source> byClause = new LinkedHashMap<>();
        for (Requirement r : group) {
            byClause.putIfAbsent(r.clauseId(), new ChecklistItem.Source(r.clauseId(), r.docTitle(), r.docNumber(),
                    r.path(), r.clauseText()));
        }
        return List.copyOf(byClause.values());
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
