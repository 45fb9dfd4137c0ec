package zhibu.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import zhibu.core.Divisions;
import zhibu.core.Frequency;
import zhibu.core.Jurisdiction;
import zhibu.core.Quantity;
import zhibu.core.Regions;
import zhibu.ingest.DocumentIds;

/**
 * Turns extracted requirements into the checklist of one profile.
 *
 * <ul>
 * <li><b>Which rules bind it</b>: the central ones and those of the documents whose place contains the branch's
 * (湖南省's and 长沙市's for a branch in 长沙市); without a region, the central ones only, and the local ones apart as
 * 各地做法（参考）.</li>
 * <li><b>Whether a rule applies</b>: its branch types, its member conditions (正式党员7人以上的党支部), its structure —
 * what only a branch with a 支部委员会 (7 full members and up) or party groups has, what binds Party-member leading
 * cadres only where there are some, a size limit only where it is exceeded; the notes say what was left out and why.</li>
 * <li><b>One duty, one item</b>: requirements of one holder, partner and kind that say the same thing (their words,
 * numbers and holders aside, mostly the same) are one item listing every source; when their numbers differ, the item
 * follows the stricter and shows each way the documents put it. The 党费 bands are one table item.</li>
 * </ul>
 * What does not depend on the profile (each requirement's folded sentence, words, measure, jurisdiction, whether it
 * holds its matter) is worked out once, when the builder is made; a checklist compares only requirements of distinct
 * wordings with each other, so copies of one rule across many places cost a map lookup each.
 */
public final class ChecklistBuilder {
    private static final Pattern STAFF = Pattern.compile("教职工|教师");
    private static final Pattern STUDENTS = Pattern.compile("学生");
    private static final String FEES = "党费";
    static final String FEE_TABLE = "党员按月交纳党费，交纳标准如下：";
    /** A meeting as a sentence's subject: how often it is held. */
    private static final Pattern MEETING = Pattern.compile("(会议|大会|小组会|党课|主题党日)$");
    /** The fewest full members a unit sets up a branch of its own with (党章第三十条). */
    static final int SMALLEST_BRANCH = 3;
    /**
     * Two requirements of one holder say the same thing when this share of the shorter one's words is the other's:
     * half, set on the six gold profiles and held on six more (the 0.33 of 列入财政预算 said of two budgets stays apart).
     */
    static final double SAME_DUTY = 0.5;
    /** Words every duty sentence shares, and measures: left out when telling duties apart. */
    private static final Pattern FILLER = Pattern.compile(
            "\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]+(?=次|个|名)|每(?:个)?(?:月|季度|季|半年|年|届)|至少|不少于|不超过|不低于|以上|以下|一般|"
                    + "应当|应|必须|要|可以|及时|认真|次|名|个|人|学时|元|年|月|天|%");
    /** A party group needs three members and a branch with groups has at least two (湖南 细则: 每个党小组人数原则上不少于3人). */
    public static final int GROUPS_FROM = 6;

    /** The requirements that apply to each branch type, in their order. */
    private final Map<String, List<Prepared>> byType;
    private final Map<String, Integer> thresholds;
    private final int committeeFrom;

    /**
     * A requirement with what the checklists need of it besides: its sentence folded (places aside: the rule a
     * hundred cities copy into their own rules is one item), its words (holders and numbers aside), what it measures,
     * the wording of its clause, whether it is a band of the 党费 table, and where it binds.
     */
    private record Prepared(Requirement r, String statement, Set<String> words, Set<String> core, Set<String> said,
                            String measure, String wording,
                            boolean feeBand, Jurisdiction where, boolean needsCommittee, boolean needsNoCommittee,
                            boolean groupsOnly, boolean sizeLimit, boolean holds, int needsMembers) {
    }

    /** @param thresholds the member count from which a matter exists (支委会 → 7), see RequirementExtractor */
    public ChecklistBuilder(List<Requirement> requirements, Map<String, Integer> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
        this.committeeFrom = thresholds.entrySet().stream().filter(e -> committeeTerm(e.getKey()))
                .map(Map.Entry::getValue).min(Integer::compare).orElse(7);
        Map<String, String> wordingOfText = new HashMap<>(); // a clause's several requirements: once
        Map<String, String> wordings = new HashMap<>(); // one string per wording, however many copies
        Map<String, Jurisdiction> places = new HashMap<>();
        Map<String, List<Prepared>> byType = new HashMap<>();
        for (Requirement r : requirements) {
            String wording = wordingOfText.computeIfAbsent(r.clauseText(),
                    t -> wordings.computeIfAbsent(Regions.get().withoutPlaces(fold(t)), w -> w));
            Jurisdiction where = places.computeIfAbsent(r.region() == null ? "" : r.region(),
                    region -> Divisions.get().resolve(region).orElse(null));
            Prepared p = prepare(r, wording, where);
            r.branchTypes().forEach(type -> byType.computeIfAbsent(type, k -> new ArrayList<>()).add(p));
        }
        this.byType = byType;
    }

    private Prepared prepare(Requirement r, String wording, Jurisdiction where) {
        String statement = Regions.get().withoutPlaces(fold(r.statement()));
        boolean committee = r.duty() == Duty.COMMITTEE || r.partner().equals(Duty.COMMITTEE.label())
                || "committee".equals(r.structure())
                || r.terms().stream().anyMatch(ChecklistBuilder::committeeTerm);
        int needsMembers = r.terms().stream().map(this::membersFor).filter(java.util.Objects::nonNull)
                .max(Integer::compare).orElse(0);
        boolean groupsOnly = r.duty() == Duty.GROUP
                || !r.terms().isEmpty() && r.terms().stream().allMatch(t -> t.contains("党小组"));
        boolean sizeLimit = r.duty() == Duty.BRANCH && r.quantity() != null
                && Quantity.MAX.equals(r.quantity().comparator()) && "人".equals(r.quantity().unit())
                && r.statement().contains("党员人数");
        return new Prepared(r, statement, words(r.statement(), List.of()), words(core(r.statement()), List.of()),
                words(r.statement(), r.terms()),
                measure(r, statement), wording, feeBand(r), where,
                committee, "no-committee".equals(r.structure()), groupsOnly, sizeLimit, holds(r), needsMembers);
    }

    /** Whether a matter's term names the 支部委员会. */
    private static boolean committeeTerm(String term) {
        return term.equals("支委会") || term.contains("支部委员会");
    }

    /** The members a matter needs (支委会 → 7), or null: what a smaller branch does not have. */
    private Integer membersFor(String term) {
        return committeeTerm(term) ? Integer.valueOf(committeeFrom) : thresholds.get(term);
    }

    public Checklist build(Profile profile) {
        Jurisdiction branch = profile.region() == null ? null : Divisions.get().resolve(profile.region())
                .orElseThrow(() -> new IllegalArgumentException("no province, city or county " + profile.region()));
        boolean committee = profile.members() >= committeeFrom;
        List<Prepared> own = new ArrayList<>();
        List<Prepared> elsewhere = new ArrayList<>();
        Map<String, Set<String>> leftOut = new LinkedHashMap<>();
        Set<String> unplaced = new java.util.TreeSet<>();
        for (Prepared p : byType.getOrDefault(profile.branchType(), List.of())) {
            String why = whyNot(p, profile, committee);
            if (why != null) {
                leftOut.computeIfAbsent(why, k -> new LinkedHashSet<>()).add(p.r().title());
                continue;
            }
            if (p.where() == null) {
                unplaced.add(p.r().docTitle()); // where it binds is not known: neither the branch's nor 各地做法
            } else if (p.where().national() || branch != null && p.where().binds(branch)) {
                own.add(p);
            } else if (branch == null) {
                elsewhere.add(p); // 各地做法: what local documents say, for a branch whose place is not given
            }
        }
        List<ChecklistItem> items = items(own);
        items.sort(Comparator.comparing((ChecklistItem i) -> i.duty() == Duty.HIGHER)
                .thenComparingInt(i -> Checklist.CATEGORIES.indexOf(i.category())));
        // 各地做法 that a central rule already states, with the same measure, are no reference: the branch has them
        Map<String, Boolean> stated = new HashMap<>(); // a wording copied by many places is compared once
        List<ChecklistItem> references = items(elsewhere.stream().filter(p -> p.r().duty() != Duty.HIGHER)
                .filter(p -> !stated.computeIfAbsent(p.statement(), k -> own.stream().anyMatch(q ->
                        q.statement().equals(p.statement())
                                || sameMeasure(q.r(), p.r()) && sameDuty(List.of(q), p)))).toList());
        references.sort(Comparator.comparingInt(i -> Checklist.CATEGORIES.indexOf(i.category())));
        List<String> notes = notes(profile, branch, committee, own, leftOut);
        if (!unplaced.isEmpty()) {
            notes.add("未标明适用地区的文件未列入（在“文件管理”中设置适用地区后列入）："
                    + unplaced.stream().map(t -> "《" + t + "》").collect(java.util.stream.Collectors.joining("、")) + "。");
        }
        return new Checklist(profile, items, notes, references);
    }

    /** Why a requirement of the profile's type does not apply to it, as the notes say it; null when it does. */
    private String whyNot(Prepared p, Profile profile, boolean committee) {
        Requirement r = p.r();
        if (r.condition() != null && !r.condition().holdsFor(profile.members())) {
            return null == r.condition().min() ? "正式党员" + profile.members() + "人，不适用人数较少党支部的规定"
                    : "正式党员" + profile.members() + "人，未达到有关规定的人数";
        }
        if (p.needsCommittee() && !committee && (r.condition() == null || r.condition().min() == null)) {
            return "正式党员不足" + committeeFrom + "人，不设支部委员会：有关支部委员会的要求未列入";
        }
        if (profile.members() < p.needsMembers() && !p.needsCommittee() && r.condition() == null) {
            return "正式党员不足" + p.needsMembers() + "人：有关" + r.title() + "的要求未列入";
        }
        if (p.needsNoCommittee() && committee && r.condition() == null) {
            return "设有支部委员会：只适用于不设支部委员会的党支部的要求未列入";
        }
        if (p.groupsOnly() && !profile.partyGroups()) {
            return "未设党小组：有关党小组的要求未列入";
        }
        if (p.sizeLimit() && profile.members() <= r.quantity().value()) { // sizeLimit: a quantity of 人
            return "正式党员" + profile.members() + "人，未超过党支部党员人数上限（" + (int) r.quantity().value()
                    + "人），该项不列入";
        }
        if (profile.campus() != null && !forCampus(r.statement(), profile.campus())) {
            return "只适用于" + (profile.campus().equals("学生") ? "教职工" : "学生") + "党支部的要求未列入";
        }
        if (!profile.leaders() && !r.person().isEmpty() && !r.statement().contains("书记")) {
            return "无党员领导干部：有关党员领导干部的要求未列入"; // 党员领导干部和党支部书记 still binds the secretary
        }
        return null;
    }

    /** A students' branch skips what is only for teaching staff, and the other way round. */
    private static boolean forCampus(String statement, String campus) {
        boolean staff = STAFF.matcher(statement).find();
        boolean students = STUDENTS.matcher(statement).find();
        return campus.equals("学生") ? !staff || students : !students || staff;
    }

    /** The items of requirements: the same duty once, the 党费 bands as one table. */
    private List<ChecklistItem> items(List<Prepared> applying) {
        List<List<Prepared>> duties = new ArrayList<>();
        Map<String, List<Prepared>> byStatement = new HashMap<>();
        List<Prepared> feeBands = new ArrayList<>();
        for (Prepared p : applying) {
            if (p.feeBand()) {
                feeBands.add(p);
                continue;
            }
            List<Prepared> same = byStatement.get(p.statement()); // one sentence, wherever it stands: one item
            if (same == null) {
                same = duties.stream().filter(d -> sameDuty(d, p)).findFirst().orElse(null);
            }
            if (same == null) {
                same = new ArrayList<>();
                duties.add(same);
            }
            same.add(p);
            byStatement.putIfAbsent(p.statement(), same);
        }
        List<ChecklistItem> items = new ArrayList<>();
        duties.forEach(d -> items.add(item(d)));
        if (!feeBands.isEmpty()) {
            items.add(feeTable(feeBands));
        }
        return items;
    }

    /**
     * Whether a requirement states the duty of a group: the same holder, partner and kind (a duty or an option), a
     * measure of the same kind or none, and mostly the same words — but never another sentence of a document already
     * in the group (one document's two sentences are two duties).
     */
    private static boolean sameDuty(List<Prepared> group, Prepared p) {
        Prepared first = group.get(0);
        Requirement a = first.r();
        Requirement b = p.r();
        if (a.duty() != b.duty() || !a.partner().equals(b.partner()) || a.optional() != b.optional()
                || !a.person().equals(b.person()) || !comparable(a, b)) {
            return false;
        }
        for (Prepared q : group) {
            if (q.r().docId().equals(b.docId()) && !q.statement().equals(p.statement())) {
                return false;
            }
        }
        // one matter (主题党日) of one holder, how often another document says (每年 or 每半年), or that says it
        // without how often: the same duty, said another way; a time limit or a count is a rule of its own
        if (a.title().equals(b.title()) && (!a.terms().isEmpty() || !b.terms().isEmpty())
                && (a.frequency() != null || b.frequency() != null) && first.holds() && p.holds()) {
            return true;
        }
        // one matter of one holder with the same number (任期3年; 正式党员7人以上的党支部…设立支部委员会): the same rule
        if (a.title().equals(b.title()) && (!a.terms().isEmpty() || !b.terms().isEmpty()) && sameNumber(a, b)) {
            return true;
        }
        String ta = String.join("、", a.terms());
        String tb = String.join("、", b.terms());
        if (!ta.isEmpty() && !tb.isEmpty() && !ta.contains(tb) && !tb.contains(ta)) {
            return false; // 组织生活会 and 机关党员干部大会 are two duties, however alike their sentences
        }
        // mostly the same words, some of them besides the matter's own name (运用“三会一课”制度 and “三会一课”必须单独召开
        // share only the name)
        return group.stream().anyMatch(q -> (overlap(q.words(), p.words()) >= SAME_DUTY
                || overlap(q.core(), p.core()) >= SAME_DUTY) && q.said().stream().anyMatch(p.said()::contains));
    }

    /**
     * Whether a requirement is about holding or doing its matter: how often it is (每年至少召开1次组织生活会, its part
     * or its clause's heading names the matter), or that it is held, attended, done (参加…志愿服务, 同党员谈心谈话) —
     * not a rule on something about it (拒转拒接党员组织关系, 每半年向上级党组织报告1次工作情况).
     */
    private static boolean holds(Requirement r) {
        String title = r.title();
        String heading = r.path().isEmpty() ? "" : r.path().getLast();
        Pattern held = Pattern.compile("(参加|开展|召开|进行|(?<!党)组织|举行|讲|安排|作为)[^，。；]{0,8}" + Pattern.quote(title));
        if (r.frequency() != null) { // how often it is held: the measured part has it as its subject or its object
            String core = core(r.statement());
            Grammar.Phrase subject = Grammar.subject(core);
            return heading.contains(title) || held.matcher(core).find() || subject != null
                    && (subject.text().contains(title) || MEETING.matcher(subject.text()).find()); // 支部委员会会议一般每月…
        }
        if (title.endsWith("谈话") || title.endsWith("评议")) {
            return r.statement().contains(title);
        }
        return held.matcher(r.statement()).find();
    }

    /** Whether two requirements measure alike: the same frequency or quantity, or neither any. */
    private static boolean sameMeasure(Requirement a, Requirement b) {
        return java.util.Objects.equals(a.frequency(), b.frequency())
                && java.util.Objects.equals(a.quantity(), b.quantity());
    }

    /** Whether two requirements state one number: the same quantity, or no quantity and the same member condition. */
    private static boolean sameNumber(Requirement a, Requirement b) {
        if (a.frequency() != null || b.frequency() != null) {
            return false;
        }
        if (a.quantity() != null || b.quantity() != null) {
            return a.quantity() != null && a.quantity().equals(b.quantity());
        }
        return a.condition() != null && a.condition().equals(b.condition());
    }

    /** Whether two requirements measure the same kind of thing, or at most one measures anything. */
    private static boolean comparable(Requirement a, Requirement b) {
        if (a.frequency() != null || b.frequency() != null) {
            return a.quantity() == null && b.quantity() == null;
        }
        return a.quantity() == null || b.quantity() == null || a.quantity().unit().equals(b.quantity().unit());
    }

    /** The share of the smaller set's words that the other has; nothing for a set too small to tell (召开). */
    private static double overlap(Set<String> a, Set<String> b) {
        if (a.size() < 3 || b.size() < 3) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        return small.stream().filter(large::contains).count() / (double) small.size();
    }

    /**
     * The comma part of a statement that states its act: the part of its number or of its first binding word
     * (党支部应当每月开展1次主题党日，贴近… → 党支部应当每月开展1次主题党日).
     */
    static String core(String statement) {
        String[] parts = statement.split("[，,；：]");
        for (Pattern p : new Pattern[] {Pattern.compile("\\d"), Pattern.compile("应当|应|必须|要|须|不得|予以")}) {
            for (String part : parts) {
                if (p.matcher(part).find()) {
                    return part;
                }
            }
        }
        return statement;
    }

    /**
     * The character pairs of a statement, its holders, places, numbers, its matter's own terms and the words every rule
     * uses aside: what it says about its matter.
     */
    static Set<String> words(String statement, List<String> terms) {
        String s = Regions.get().withoutPlaces(statement);
        for (String term : terms) {
            s = s.replace(term, " ");
        }
        for (String name : Actors.get().names()) {
            s = s.replace(name, " ");
        }
        s = FILLER.matcher(s).replaceAll(" ").replaceAll("[\\p{P}\\s]+", " ");
        Set<String> pairs = new LinkedHashSet<>();
        for (String piece : s.split(" ")) {
            for (int i = 0; i + 1 < piece.length(); i++) {
                pairs.add(piece.substring(i, i + 2));
            }
        }
        return pairs;
    }

    /**
     * A band of the 党费 rates (在职 by income, 离退休, 农民, 学生 …) or of what they are counted on (每月以…为计算基数):
     * a member's duty with a rate or an amount, or a basis of one.
     */
    private static boolean feeBand(Requirement r) {
        return r.matter().name().equals(FEES) && r.duty() == Duty.MEMBER && !r.optional() && r.statement().contains("交纳")
                && (r.quantity() != null && (r.quantity().unit().equals("%") || r.quantity().unit().equals("元"))
                && r.frequency() == null || r.statement().contains("计算基数"));
    }

    private ChecklistItem item(List<Prepared> same) {
        Map<String, List<Prepared>> byMeasure = new LinkedHashMap<>();
        for (Prepared p : same) {
            byMeasure.computeIfAbsent(p.measure(), k -> new ArrayList<>()).add(p);
        }
        Prepared strictest = same.get(0);
        for (Prepared p : same) {
            if (stricter(p.r(), strictest.r()) || measured(p.r()) && !measured(strictest.r())) {
                strictest = p;
            }
        }
        List<ChecklistItem.Variant> variants = new ArrayList<>();
        long measures = same.stream().filter(p -> measured(p.r())).map(Prepared::measure).distinct().count();
        long documents = same.stream().map(p -> p.r().docId()).distinct().limit(2).count();
        if (measures > 1 && documents > 1) { // one document's own wordings are not variants
            for (List<Prepared> group : byMeasure.values()) {
                Requirement first = group.get(0).r();
                if (measured(first)) {
                    variants.add(new ChecklistItem.Variant(first.statement(), first.frequency(), sources(group)));
                }
            }
        }
        Requirement r = strictest.r();
        String id = "item-" + DocumentIds.sha256Hex(r.duty().label() + "|" + r.partner() + "|" + r.title() + "|"
                + strictest.statement()).substring(0, 10);
        return new ChecklistItem(id, r.matter().category(), r.title(), r.statement(), r.frequency(), sources(same),
                variants, r.duty(), holderName(same), r.optional(), r.matter().name(),
                same.stream().flatMap(p -> p.r().matters().stream()).distinct().toList(), List.of());
    }

    /** Who holds an item, as its sources name them: the branch's own by its office, a body above as written. */
    private static String holderName(List<Prepared> same) {
        Requirement r = same.get(0).r();
        return switch (r.duty()) {
            case HIGHER -> same.stream().map(p -> p.r().holder()).distinct().reduce((a, b) -> a + "、" + b).orElse("");
            case MEMBER -> r.person().isEmpty() ? Duty.MEMBER.chinese() : r.person();
            default -> r.duty().chinese();
        };
    }

    private static boolean measured(Requirement r) {
        return r.frequency() != null || r.quantity() != null;
    }

    private ChecklistItem feeTable(List<Prepared> bands) {
        List<ChecklistItem.Row> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Prepared p : bands) {
            if (seen.add(p.statement())) {
                rows.add(new ChecklistItem.Row(p.r().statement(), source(p.r())));
            }
        }
        Requirement first = bands.get(0).r();
        // 每月以…为计算基数, 每月交纳党费0.2元: the bands are monthly, and so is the duty they rate
        Frequency monthly = bands.stream().anyMatch(p -> p.r().sentence().contains("每月"))
                ? new Frequency(zhibu.core.Period.MONTH, 1) : null;
        return new ChecklistItem("item-" + DocumentIds.sha256Hex("fee-table").substring(0, 10),
                first.matter().category(), "党费交纳标准", FEE_TABLE, monthly, sources(bands), List.of(), Duty.MEMBER,
                Duty.MEMBER.chinese(), false, first.matter().name(), List.of(first.matter().name()), rows);
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
                r.sentence(), r.region());
    }

    /**
     * Where a requirement is written: each wording once (its places aside), at its first clause. A rule copied
     * into every county's rules is cited once, not a thousand times.
     */
    private static List<ChecklistItem.Source> sources(List<Prepared> group) {
        Map<String, Requirement> byWording = new LinkedHashMap<>();
        for (Prepared p : group) {
            byWording.putIfAbsent(p.wording() + "|" + p.r().sentence(), p.r());
        }
        return byWording.values().stream().map(ChecklistBuilder::source).toList();
    }

    /** A statement without spaces and punctuation, to tell the same sentence wherever it stands. */
    static String fold(String s) {
        return s.replaceAll("[\\s\\p{P}]", "");
    }

    /**
     * Notes on the profile: where the branch is and which rules therefore bind it, what was left out and why, and
     * advice from the size limits the sources state.
     */
    private List<String> notes(Profile profile, Jurisdiction branch, boolean committee, List<Prepared> own,
                               Map<String, Set<String>> leftOut) {
        List<String> notes = new ArrayList<>();
        notes.add(branch == null ? "未指定所在地区：只列中央的规定；各地文件的规定列在“各地做法（参考）”，不作为本支部的要求。"
                : "所在地区：" + branch.label() + "。适用中央和" + String.join("、", branch.places()) + "的规定。");
        for (Map.Entry<String, Set<String>> e : leftOut.entrySet()) {
            if (e.getKey().startsWith("正式党员" + profile.members() + "人，未超过")) {
                continue; // a limit the branch keeps needs no word
            }
            notes.add(e.getKey() + "（" + String.join("、", e.getValue().stream().limit(6).toList())
                    + (e.getValue().size() > 6 ? "等" : "") + "）。");
        }
        Set<String> said = new LinkedHashSet<>();
        for (Prepared p : own) {
            Requirement r = p.r();
            if (p.sizeLimit() && profile.members() > r.quantity().value()) {
                said.add("正式党员" + profile.members() + "人，超过“" + r.statement() + "”（" + r.docTitle()
                        + "），建议分设党支部或在支部下设党小组。");
            }
        }
        notes.addAll(said);
        if (profile.members() < SMALLEST_BRANCH) {
            notes.add("正式党员" + profile.members() + "人：有正式党员3人以上的单位才成立党支部（《中国共产党章程》第三十条），"
                    + "不足3人的一般与邻近单位的党员成立联合党支部，清单按联合党支部的人数选用更合适。");
        }
        return notes;
    }
}
