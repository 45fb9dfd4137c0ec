package zhibu.checklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.analysis.DomainDictionary;
import zhibu.core.BranchType;
import zhibu.core.Clause;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;
import zhibu.core.Frequency;
import zhibu.core.Period;
import zhibu.core.Quantity;
import zhibu.core.Values;

/**
 * Finds the requirements in the clauses of rule documents, and whose each one is, from the sentence's grammar.
 *
 * <p>The unit is the sentence; it is cut where its ；-pieces each open with their own subject or condition, where
 * several comma parts each state their own measured act (党员大会每季度召开1次，支委会会议每月召开1次 …), and where
 * its subject names several holders (党员领导干部和党支部书记 → one requirement each). A unit is a requirement when
 * it states a measure (how often, how many, how long, how much, a deadline) outside its conditions, or binds
 * (应当, 必须, 要, 不得, 予以 …; 严格执行《…》) an act on a matter of a branch's year (checklist-matters.tsv), or states
 * what a branch of some size sets up (正式党员7人以上的党支部，设立支部委员会).
 *
 * <p>Whose duty: the head of the noun phrase before the predicate (actors.tsv; 高校党委 is a 党委); the agent after 由;
 * for a thing as subject, its owner (支委会会议 → the committee, 经费 → whoever funds it); else, the subject left
 * out, the one of the sentence before — unless that one is what this sentence acts on (对…党员，予以停止党籍: the
 * branch) — or of the clause's heading (党支部书记。应当具备…), or whom the text speaks to: a standard or 细则 for
 * branches and a regulation speak to the branch, a notice or 意见 to the bodies above it. A body above that makes the
 * branch act (督促各党支部每年开展1次自查) leaves the act to the branch; an act on the branch itself (提醒…党支部,
 * 撤销党支部) is a body above's. What a body above or the unit owes a branch is kept only with a measure or money
 * (换届提醒提前6个月, 经费列入预算); what sets up branches, or binds only a kind of branch (联合党支部, 临时党支部), is
 * nobody's checklist.
 */
public final class RequirementExtractor {
    /** A term used by more than this share of all clauses (党支部, 党员) is a subject, not a matter. */
    static final double GENERIC_SHARE = 0.2;
    /** Dictionary terms that are units of a number (32学时), not what it is about. */
    private static final Pattern UNITS = Pattern.compile("(培训)?学时");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？\\n]+[。！？]?");
    private static final Pattern COMMA = Pattern.compile("[，,]");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern AT_LEAST = Pattern.compile("(?:有)?(?:正式)?党员" + NUM + "人以上");
    private static final Pattern BELOW = Pattern.compile("(?:正式)?党员(?:人数)?不足" + NUM + "人");
    private static final Pattern MEMBER_CONDITION = Pattern.compile("^(?:有)?(?:正式)?党员(?:人数)?(?:不足)?\\d+人");
    /** What a branch of a stated size sets up or has (正式党员7人以上的党支部，设立支部委员会). */
    private static final Pattern SETS = Pattern.compile("设立|设置|设|配备|建立|划分");
    /** Binding by naming a regulation to follow. */
    private static final Pattern FOLLOWS = Pattern.compile("(严格执行|严格落实|贯彻落实|认真执行|认真落实|遵照执行)《");
    private static final Pattern OPTION = Pattern.compile("可以|提倡|鼓励|允许|自愿|^可[^能]|也可");
    /** Verbs of attitude and degree: a rule that binds to nothing else (应当坚持…相结合) states no checkable act. */
    private static final Set<String> ATTITUDE = Set.of("加强", "坚持", "提高", "增强", "注重", "强化", "推进", "深化",
            "发挥", "提升", "统筹", "谋划", "统筹谋划", "推动", "重视", "坚定", "树立", "相结合", "结合", "同步", "促进",
            "着力", "努力", "积极", "切实", "突出", "体现");
    /** A year the text names (2021年、2022年2月前): a step of a campaign of that year. */
    private static final Pattern DATED = Pattern.compile("(20\\d\\d)年");
    private static final Pattern LABEL = Pattern.compile("^(?:[（(]?\\d+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、|——)\\s*");
    /** Words that open a sentence reading on from the one before (特别是, 同时): left out of what is shown. */
    private static final Pattern CONTINUATION = Pattern.compile("^(特别是|同时|此外|另外|并且|其中|而且)[，,]?");
    /** A comma part that is a condition or a circumstance of what follows, not its subject. */
    private static final Pattern CONDITION_OPENS = Pattern.compile(
            "^(对于|对|凡是|凡|如果|如需|如|若|遇到|遇有|遇|在|按照|按(?![月年季期时])|根据|依据|结合|围绕|针对|为了|为|经|通过|利用|依托|除|因|当)");
    /** Sections that state aims and principles, not duties. */
    private static final Pattern AIMS = Pattern.compile("具体目标|基本原则|总体要求|指导思想|附则");
    /** A document (or attachment) whose title ends in a standard's genre speaks to the branch: 指导标准, 细则（试行）. */
    private static final Pattern STANDARD = Pattern.compile("(标准|细则|导则|规范|工作法|清单|规程)(（试行）|\\(试行\\))?$");
    /** Sections on how the bodies above push the work on speak to them: 推进措施, 组织保障, 领导和保障. */
    private static final Pattern MEASURES = Pattern.compile("推进措施|工作措施|组织保障|保障措施|组织领导|领导和保障|推进目标和措施|有关要求");
    /** Words that name branch types beyond their own labels: 企事业单位 are enterprises and public institutions. */
    private static final Map<String, List<String>> TYPE_WORDS = Map.of("企事业单位", List.of("高校", "中小学", "国有企业",
            "非公企业"), "、村、", List.of("农村"), "村、", List.of("农村"));
    /** Kinds of branch a profile is not: what binds only them binds no ordinary branch. */
    private static final Pattern KIND_OF_BRANCH = Pattern.compile("(联合|临时|流动党员|功能型)党支部");
    /** Setting up, adjusting or closing branches: a unit's or a body above's, and nothing a branch checks. */
    private static final Pattern FOUNDING = Pattern.compile(
            "(成立|设立|组建|撤销|调整|建立|建立健全)[^，。；、]{0,8}(党支部|党组织)");
    /** Money: a body above or the unit provides it (经费列入预算). */
    private static final Pattern MONEY = Pattern.compile("经费|资金|费用|预算|党费");
    private static final Pattern BUDGET = Pattern.compile("(列入|纳入)[^，。；]{0,16}(预算|费用)");
    private static final Pattern MONEY_HEAD = Pattern.compile("(经费|资金|费用|预算)$");
    /** A meeting or activity a body holds: its owner is that body (支部委员会会议 → the committee). */
    private static final Pattern MEETING = Pattern.compile("(会议|大会|会|党课|主题党日)$");
    /** Something the branch is owed by a body above (it names the branch as who receives it). */
    private static final Pattern NAMES_BRANCH = Pattern.compile("(?<!总)支部|基层党组织|(?<!上级|各级|下级)党组织");
    /** Each month/quarter/half-year/year and a verb: once a period (每月申报登记, 每年年底报…). */
    private static final Pattern EACH_PERIOD = Pattern.compile("每(?:个)?(月|季度|季|半年|年)(?![^，。；]{0,12}?\\d)");
    /** A branch that has, or has not, a 支部委员会 (设支部委员会的党支部, 不设/未设支部委员会的党支部). */
    private static final Pattern NO_COMMITTEE = Pattern.compile("(不|未|没有)设(立)?支部委员会");
    private static final Pattern WITH_COMMITTEE = Pattern.compile("(?<![不未有])(设支部委员会|设立支部委员会的)");
    /** A subject that is how something went, leaving what it went of to the sentence before (执行情况…). */
    private static final Pattern LEANS_BACK = Pattern.compile("^(执行|落实|开展|完成|实施|推进|进展)情况");
    private static final Pattern START_OF_YEAR = Pattern.compile("年初|年底|年末");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** A band of one rule: a number's range, then what applies to it (5000元以上的按1%交纳党费). */
    private static final Pattern BAND = Pattern.compile("^[^，]{0,12}\\d[^，]{0,8}的(按|交纳)");
    /** A count of things with a comparator, or one of them (至少和1个…, 挂钩联系1个党支部): no list's length (上述6个). */
    private static final Pattern COUNT = Pattern.compile("(至少|不少于|不超过|最多)?(?<!上述|以上|下列|这|该)(\\d+)个(?!月)");
    /** Persons whose duties show only where the branch has them. */

    private final List<String> vocabulary;
    private final Map<String, String> canonical;

    private RequirementExtractor(List<String> vocabulary, Map<String, String> canonical) {
        this.vocabulary = vocabulary;
        this.canonical = canonical;
    }

    /** A term found at a place in a text. */
    private record Found(String term, int start, int end) {
    }

    /** An extractor whose matter vocabulary leaves out the terms too common in these clauses to tell matters apart. */
    public static RequirementExtractor forCorpus(Collection<Clause> clauses) {
        Map<String, String> canonical = new HashMap<>();
        for (List<String> group : DomainDictionary.synonymGroups()) {
            for (String term : group) {
                canonical.putIfAbsent(term, group.get(0));
            }
        }
        List<String> terms = new ArrayList<>(DomainDictionary.terms());
        for (String term : terms) { // 按期换届 and 定期换届 are the same duty as 换届: an adverb makes no new matter
            String rest = term.replaceFirst("^(按期|定期|及时)", "");
            if (!rest.equals(term) && terms.contains(rest)) {
                canonical.putIfAbsent(term, canonical.getOrDefault(rest, rest));
            }
        }
        // synonyms of three characters or more are names too (支部委员会会议); shorter ones are often verbs (召开)
        canonical.keySet().stream().filter(t -> t.length() >= 3 && !terms.contains(t)).forEach(terms::add);
        Map<String, Integer> using = clausesUsing(terms, clauses);
        List<String> vocabulary = new ArrayList<>();
        for (String term : terms) {
            if (term.length() < 2 || UNITS.matcher(term).matches() || Actors.get().of(term) != null) {
                continue; // who is bound is not what it is about
            }
            if (clauses.isEmpty() || using.getOrDefault(term, 0) <= GENERIC_SHARE * clauses.size()) {
                vocabulary.add(term);
            }
        }
        vocabulary.sort(Comparator.comparingInt(String::length).reversed());
        return new RequirementExtractor(vocabulary, canonical);
    }

    /**
     * How many clauses hold each term, in one pass over each clause for all the terms (Aho-Corasick): a term at a
     * time over every clause took minutes at a thousand times the corpus.
     */
    private static Map<String, Integer> clausesUsing(List<String> terms, Collection<Clause> clauses) {
        java.util.TreeMap<String, String> byTerm = new java.util.TreeMap<>();
        terms.forEach(t -> byTerm.put(t, t));
        Map<String, Integer> using = new HashMap<>();
        if (byTerm.isEmpty()) {
            return using;
        }
        var trie = new com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<String>(byTerm);
        for (Clause c : clauses) {
            java.util.Set<String> found = new java.util.HashSet<>();
            trie.parseText(c.text(), (begin, end, term) -> found.add(term));
            found.forEach(t -> using.merge(t, 1, Integer::sum));
        }
        return using;
    }

    /**
     * Who a sentence's duty falls to, whether the sentence names them, the phrase of its subject, and where the part
     * of the sentence that is theirs starts (after 督促 in 上级党组织督促各党支部…: 0 otherwise).
     */
    private record Holder(Actors.Actor actor, boolean explicit, Grammar.Phrase subject, int from) {
        Holder(Actors.Actor actor, boolean explicit, Grammar.Phrase subject) {
            this(actor, explicit, subject, 0);
        }
    }

    public List<Requirement> extract(Clause clause, DocumentMetadata doc) {
        List<Requirement> found = new ArrayList<>();
        if (doc.kind() == DocumentKind.EXPERIENCE || clause.id().endsWith(".pre")
                || clause.path().stream().anyMatch(h -> AIMS.matcher(h).find())
                || !clause.text().matches("(?s).*[。；\\d].*")) {
            return found; // experience is not a rule; a preamble, an aim or a bare heading holds no duty
        }
        Actors.Actor speaksTo = addressee(clause, doc);
        Actors.Actor heading = headingActor(clause);
        Actors.Actor carried = heading != null ? heading : speaksTo;
        String clauseHeading = clause.heading() == null ? "" : clause.heading();
        String text = Values.foldCounts(clause.text()).replace("**", "");
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            String sentence = LABEL.matcher(sentences.group().strip()).replaceFirst("").strip();
            String bare = sentence.replaceAll("[。：:]$", "");
            boolean headingOnly = bare.equals(clauseHeading) && !binds(bare) && Values.frequency(bare) == null
                    && quantity(bare) == null; // 一、党支部每季度开展1次…。 is a rule, however it is numbered
            if (sentence.length() < 6 || sentence.startsWith("附件") || headingOnly) {
                Actors.Actor named = bare.length() < 16 && Grammar.nounPhrase(bare) ? Actors.get().of(bare) : null;
                if (named != null) {
                    carried = named; // a heading sentence (党支部书记。) names who the next ones speak of
                }
                continue;
            }
            sentence = CONTINUATION.matcher(sentence).replaceFirst("");
            if (copular(sentence)) {
                continue; // 阵地建设规范化是…的支撑，要…: a section's framing, not a duty
            }
            for (String unit : units(sentence)) {
                List<Requirement> made = requirements(clause, doc, unit, carried, speaksTo);
                for (Requirement r : made) {
                    found.add(r);
                }
                Actors.Actor subject = explicitSubject(unit);
                if (subject != null) {
                    carried = subject;
                }
            }
        }
        return found;
    }

    /**
     * Whom a clause's text speaks to where a sentence names no one: the branch in a standard or 细则 for branches (its
     * attachment's title or the document's) and in a regulation; the bodies above in a notice, an 意见 or a 方案.
     */
    private static Actors.Actor addressee(Clause clause, DocumentMetadata doc) {
        if (clause.path().stream().anyMatch(h -> MEASURES.matcher(h).find())) {
            return Actors.HIGHER;
        }
        String title = !clause.path().isEmpty() && clause.path().get(0).startsWith("附件") ? clause.path().get(0)
                : doc.title();
        return doc.kind() == DocumentKind.REGULATION || STANDARD.matcher(title.strip()).find() && title.contains("支部")
                ? Actors.BRANCH : Actors.HIGHER;
    }

    /** Whether a sentence opens by saying what something is (阵地建设规范化是…的支撑): framing, not a duty. */
    private static boolean copular(String sentence) {
        String first = COMMA.split(sentence.replaceAll("（[^（）]*）", ""))[0]; // （主要是…）is an aside
        return Grammar.words(first).stream().anyMatch(w -> w.text().equals("是") && w.pos().startsWith("vshi"));
    }

    /** The actor a clause's heading, or a heading above it, names (7. 党支部书记 → the secretary). */
    private static Actors.Actor headingActor(Clause clause) {
        for (int i = clause.path().size() - 1; i >= 0; i--) {
            String h = LABEL.matcher(clause.path().get(i)).replaceFirst("").strip();
            if (h.length() <= 8 && Grammar.nounPhrase(h)) {
                Actors.Actor a = Actors.get().of(h);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * The actor a unit names as its subject, if it names one (for the sentences after it): the agent after 由 where
     * there is one, else the subject of its last part that has one.
     */
    private Actors.Actor explicitSubject(String unit) {
        for (String part : COMMA.split(unit)) {
            Grammar.Phrase agent = Grammar.agent(part, Grammar.words(part));
            if (agent != null) {
                return agent.actor();
            }
        }
        Grammar.Phrase s = subjectOf(clean(unit), unit.length());
        return s != null && s.actor() != null && Grammar.conjuncts(s.text()).size() == 1 ? s.actor() : null;
    }

    /**
     * The requirements of one unit: none, one, or one per holder when its subject names several (支部委员会会议和
     * 党小组会议 → the committee's and the groups').
     */
    private List<Requirement> requirements(Clause clause, DocumentMetadata doc, String unit, Actors.Actor carried,
                                           Actors.Actor speaksTo) {
        String sentence = clean(unit);
        if (sentence.length() < 6) {
            return List.of();
        }
        int anchor = anchor(sentence);
        Grammar.Phrase subject = subjectOf(sentence, anchor);
        List<Grammar.Phrase> conjuncts = subject == null ? List.of() : Grammar.conjuncts(subject.text());
        List<Requirement> out = new ArrayList<>();
        if (conjuncts.size() > 1 && merged(conjuncts, subject.text()).stream().filter(c -> c.actor() != null).count() > 1) {
            String shared = sharedModifier(conjuncts.getFirst().text());
            for (Grammar.Phrase c : merged(conjuncts, subject.text())) {
                String text = c.start() == conjuncts.getFirst().start() || c.text().contains("的") ? c.text()
                        : shared + c.text(); // 机关不设党的基层委员会的总支部委员会、支部委员会: the 支部委员会 of such 机关
                String one = sentence.substring(0, subject.start()) + text + sentence.substring(subject.end());
                Grammar.Phrase alone = new Grammar.Phrase(subject.start(), subject.start() + text.length(), text,
                        c.actor());
                Requirement r = requirement(clause, doc, sentence, one, anchor(one), alone, carried, speaksTo);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }
        Requirement r = requirement(clause, doc, sentence, sentence, anchor, subject, carried, speaksTo);
        return r == null ? List.of() : List.of(r);
    }

    private Requirement requirement(Clause clause, DocumentMetadata doc, String sentence, String unit, int anchor,
                                    Grammar.Phrase subject, Actors.Actor carried, Actors.Actor speaksTo) {
        int[] part = partBounds(unit, anchor);
        String anchorPart = unit.substring(part[0], part[1]);
        boolean inCondition = anchorInCondition(unit, anchor, part);
        Frequency frequency = inCondition ? null : frequency(anchorPart, unit);
        Quantity quantity = inCondition || frequency != null ? null : quantity(anchorPart);
        boolean measured = frequency != null || quantity != null;
        boolean binding = binds(unit) || BUDGET.matcher(unit).find(); // 所需财政资金列入…预算: shall be
        MemberCondition condition = condition(unit);
        // what it is about, who is bound aside (党小组应当落实… is not about setting up groups)
        String about = subject != null && subject.actor() != null && meetingOwner(subject.text()) == null
                ? unit.substring(0, subject.start()) + unit.substring(subject.end()) : unit; // a meeting is the matter
        int[] aboutPart = partBounds(about, Math.max(0, anchor - (unit.length() - about.length())));
        Matters.Matter matter = firstNonNull(Matters.of(about.substring(aboutPart[0], aboutPart[1])), Matters.of(about));
        if (matter == null) {
            matter = firstNonNull(Matters.of(anchorPart), Matters.of(unit)); // 党员领导干部应当带头参加…组织生活
        }
        if (matter == null && !clause.path().isEmpty()) {
            matter = Matters.of(clause.path().getLast()); // (3)改进谈话方式: 对…党员要重点谈 is about 谈话
        }
        boolean sets = condition != null && SETS.matcher(unit).find();
        if (!measured && !(binding && matter != null && matter.core() && concrete(unit)) && !sets || pastYear(unit)) {
            return null;
        }
        if (matter == null) {
            matter = firstNonNull(Matters.of(String.join(" ", clause.path())), Matters.all().getLast());
        }
        Holder holder = holder(unit, anchor, subject, carried, speaksTo);
        if (holder == null) {
            return null;
        }
        Actors.Actor actor = holder.actor();
        if (founds(unit)) {
            return null; // setting up, adjusting or closing branches is nobody's checklist
        }
        if (!actor.branchLevel()) {
            // what a body above or the unit owes the branch: with a measure or money, naming the branch or its people
            if (!(measured || MONEY.matcher(unit).find())
                    || !NAMES_BRANCH.matcher(unit).find() && !Grammar.actsOnMembers(unit)) {
                return null;
            }
        }
        if (KIND_OF_BRANCH.matcher(subject == null ? unit : subject.text()).find()) {
            return null; // 联合党支部覆盖单位一般不超过5个: only a kind of branch the profile is not
        }
        Actors.Actor partner = partner(unit, subject, actor);
        Duty duty = actor.duty();
        String upToAnchor = unit.substring(0, part[1]);
        boolean optional = OPTION.matcher(upToAnchor).find() && !binds(upToAnchor);
        String structure = NO_COMMITTEE.matcher(unit).find() ? "no-committee"
                : WITH_COMMITTEE.matcher(unit).find() ? "committee" : null;
        List<String> types = types(subject, unit, clause, doc);
        String statement = withTopic(shown(unit, holder), clause);
        String person = actor.leader() ? actor.name() : unit.contains("领导干部") ? "党员领导干部" : "";
        return new Requirement(clause.id(), clause.docId(), clause.docTitle(), doc.docNumber(), doc.region(),
                clause.path(), clause.text(), sentence, statement, mattersAround(about, Math.max(0,
                anchor - (unit.length() - about.length())), matter), matter,
                Matters.allOf(about).stream().map(Matters.Matter::name).toList(), duty, actor.name(),
                partner == null ? "" : partner.duty().label(), optional, person, frequency, quantity, condition,
                structure, types);
    }

    /**
     * The branch types a requirement applies to: those its subject names (每个机关和企事业单位党支部), else those the
     * sentence names when it names one or two, else its clause's.
     */
    private static List<String> types(Grammar.Phrase subject, String unit, Clause clause, DocumentMetadata doc) {
        // who it is for: its subject, and the words before the predicate of its first part (新提名的村（社区）党组织书记人选)
        String first = COMMA.split(unit)[0];
        List<Grammar.Word> words = Grammar.words(first);
        int predicate = Grammar.predicateStart(words);
        StringBuilder addressed = new StringBuilder(predicate >= words.size() ? first
                : first.substring(0, words.get(predicate).start()));
        if (subject != null) {
            addressed.append('，').append(subject.text());
        }
        for (String part : COMMA.split(unit)) { // and the conditions that open it: 国有企业在车间班组…的党支部
            if (!isCondition(part.strip())) {
                break;
            }
            addressed.append('，').append(part);
        }
        String text = addressed.toString();
        java.util.Set<String> named = new java.util.LinkedHashSet<>(BranchType.labels(BranchType.mentionedIn(text)));
        TYPE_WORDS.forEach((word, types) -> {
            if (text.contains(word)) {
                named.addAll(types);
            }
        });
        if (!named.isEmpty()) {
            return BranchType.labels(named.stream().map(t -> BranchType.fromLabel(t).orElseThrow()).toList())
                    .stream().filter(t -> doc.branchTypes().isEmpty() || doc.branchTypes().contains(t)).toList();
        }
        return clause.branchTypes().isEmpty() ? BranchType.labels(BranchType.all()) : clause.branchTypes();
    }

    /**
     * Who a duty is done with: the one after 与/同 outside the conditions (与班子成员谈心谈话), the other side of a
     * 之间-subject (党支部委员和党员之间), or each other (班子成员之间).
     */
    private static Actors.Actor partner(String unit, Grammar.Phrase subject, Actors.Actor actor) {
        if (subject != null && subject.text().endsWith("之间")) {
            String[] sides = subject.text().replace("之间", "").split("和|与|同");
            Actors.Actor other = Actors.get().of(sides[sides.length - 1]);
            return other != null ? other : actor;
        }
        StringBuilder rest = new StringBuilder();
        int from = subject == null ? 0 : subject.end();
        for (String part : unit.substring(from).split("(?<=[，,；：])")) {
            if (!isCondition(part.replaceAll("[，,；：]$", "").strip())) {
                rest.append(part);
            }
        }
        Actors.Actor found = Grammar.partnerIn(rest.toString());
        return found == null && unit.contains("之间") && actor.branchLevel() ? actor : found;
    }

    /**
     * Whether a unit sets up, adjusts or closes a branch or a body above it (成立党支部, 撤销党支部, 设立党的基层委员会),
     * or founds a kind of branch: what the unit or a body above does, never a branch's own duty. A branch sets up its
     * committee and its groups.
     */
    private static boolean founds(String unit) {
        Matcher m = FOUNDING.matcher(unit);
        while (m.find()) {
            int end = m.end();
            String next = unit.substring(end, Math.min(unit.length(), end + 4));
            List<Grammar.Word> after = Grammar.words(next);
            boolean head = after.isEmpty() || !after.get(0).nominal() && !next.startsWith("的");
            if (head) {
                return true;
            }
        }
        Matcher higher = Pattern.compile("(?<!不)(成立|设立|组建|撤销|设)(党的基层委员会|党的总支部委员会|基层委员会|总支部委员会)").matcher(unit);
        return higher.find();
    }

    /**
     * The relative clause that opens a coordinated subject and qualifies all of it (机关不设党的基层委员会的 before
     * 总支部委员会、支部委员会), or "": a 的 phrase with a verb in it, not a possessive (党的支部委员会).
     */
    private static String sharedModifier(String firstConjunct) {
        int de = firstConjunct.lastIndexOf('的');
        if (de <= 0) {
            return "";
        }
        String modifier = firstConjunct.substring(0, de + 1);
        return Grammar.words(modifier).stream().anyMatch(Grammar.Word::verb) ? modifier : "";
    }

    /** Conjuncts with their owner (an actor, or the body that holds a meeting), neighbours of one owner joined. */
    private static List<Grammar.Phrase> merged(List<Grammar.Phrase> conjuncts, String phrase) {
        List<Grammar.Phrase> out = new ArrayList<>();
        for (Grammar.Phrase c : conjuncts) {
            Actors.Actor owner = c.actor() != null ? c.actor() : meetingOwner(c.text());
            Grammar.Phrase withOwner = new Grammar.Phrase(c.start(), c.end(), c.text(), owner);
            if (!out.isEmpty()) {
                Grammar.Phrase last = out.getLast();
                boolean same = last.actor() == null ? owner == null
                        : owner == null || owner.duty() == last.actor().duty() && !c.text().endsWith("之间");
                if (same) {
                    out.set(out.size() - 1, new Grammar.Phrase(last.start(), c.end(),
                            phrase.substring(last.start(), c.end()), last.actor()));
                    continue;
                }
            }
            out.add(withOwner);
        }
        return out;
    }

    /** The body that holds a meeting (支部委员会会议 → committee, 党小组会 → group, 党员大会 and 党课 → the branch). */
    private static Actors.Actor meetingOwner(String phrase) {
        String p = phrase.strip();
        if (!MEETING.matcher(p).find()) {
            return null;
        }
        Actors.Actor body = null;
        for (int[] span : Actors.get().spans(p)) {
            Actors.Actor a = Actors.get().of(p.substring(span[0], span[1]));
            if (a != null && a.organ()) {
                body = a; // 党委常委会 is a body above's; 党员大会 and 党课, of persons, the branch's
            }
        }
        return body != null ? body : Actors.BRANCH;
    }

    /**
     * The subject phrase of a unit: in the first comma part, up to the anchor's, that is no condition (对…的党员,
     * …出现空缺); null when the subject is left out.
     */
    private static Grammar.Phrase subjectOf(String unit, int anchor) {
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        boolean inPhrase = false; // 对没有正当理由，连续6个月…的党员，: the phrase of 对 runs on over its comma
        List<Boolean> conditions = new ArrayList<>();
        boolean listed = false; // 排查内容主要包括：党支部设置、…: what follows a colon lists things, it names no doer
        for (String part : unit.split("(?<=[，,；：])")) {
            String p = part.replaceAll("[，,；：]$", "").strip();
            boolean cond = listed || inPhrase || isCondition(p) || Grammar.event(p);
            listed |= part.endsWith("：");
            inPhrase = (p.matches("^(对于|对).*") || inPhrase) && Grammar.nounPhrase(p) && !p.endsWith("的")
                    && Actors.get().of(p) == null;
            parts.add(new int[] {start, start + part.length()});
            conditions.add(cond);
            start += part.length();
        }
        Grammar.Phrase topic = null; // the nearest thing a part is about, if no part names who acts
        for (int i = parts.size() - 1; i >= 0; i--) {
            int[] b = parts.get(i);
            if (b[0] > anchor || conditions.get(i)) {
                continue;
            }
            String raw = unit.substring(b[0], b[1]).replaceAll("[，,；：]$", "");
            String p = raw.strip();
            int lead = raw.length() - raw.stripLeading().length();
            Grammar.Phrase s = Grammar.embeddedSubject(p);
            if (s == null) {
                s = Grammar.subject(p);
            }
            if (s == null) {
                continue; // the predicate alone: its subject is in a part before, or left out
            }
            if (s.actor() == null && s.text().equals(p) && Grammar.nounPhrase(p)) {
                continue; // a list of names that names no one we know (中央直属机关工委，…)
            }
            Grammar.Phrase at = new Grammar.Phrase(b[0] + lead + s.start(), b[0] + lead + s.end(), s.text(), s.actor());
            if (s.actor() != null || meetingOwner(s.text()) != null) {
                return at; // 党组织应当作出限期改正处置，限期改正时间不超过1年: the organisation, not 时间
            }
            boolean own = b[0] <= anchor && anchor < b[1];
            if (topic == null && (own || possessor(s.text()) != null || Grammar.modifierAgent(s.text()) != null
                    || MONEY_HEAD.matcher(s.text()).find())) {
                topic = at; // a thing the measured part is about (补交党费的时间), or one that says whose it is
            }
        }
        return topic;
    }

    /** Whether a comma part is a condition or circumstance of what follows (对…的, 凡…, 正式党员不足7人的). */
    private static boolean isCondition(String part) {
        return CONDITION_OPENS.matcher(part).find() || Grammar.endsAsCondition(part);
    }

    /**
     * Whose duty a unit is: its subject's (an actor; the agent after 由; the owner of a meeting or of money), or —
     * the subject left out — the one it carries from before, unless that one is what this unit acts on; a body above
     * that makes the branch act leaves the act to it; an act on the branch is a body above's.
     */
    private Holder holder(String unit, int anchor, Grammar.Phrase subject, Actors.Actor carried, Actors.Actor speaksTo) {
        Actors.Actor actor = null;
        boolean explicit = false;
        if (subject != null && subject.actor() != null) {
            actor = subject.actor();
            explicit = true;
        } else if (subject != null) {
            String head = subject.text().replaceAll(".*的", "");
            if (MONEY_HEAD.matcher(head).find()) {
                actor = Actors.UNIT; // 党支部活动经费应…足额安排: someone funds the branch
            } else {
                actor = meetingOwner(subject.text());
                if (actor == null) {
                    actor = possessor(subject.text()); // 党支部党员人数一般不超过50人: the branch's
                }
                if (actor == null) {
                    actor = Grammar.modifierAgent(subject.text()); // 党员交纳党费的比例为…: the members'
                }
                explicit = actor != null;
            }
        }
        Actors.Actor lead = subject == null || subject.actor() == null ? leadingCondition(unit) : null;
        if (lead != null) {
            actor = lead; // 党支部人数较多…的，可以设立若干党小组: the branch
            explicit = true;
        }
        if (BUDGET.matcher(unit).find()) {
            return new Holder(Actors.UNIT, true, subject); // 列入学校经费预算: the school's, whoever the subject
        }
        if (actor == null) {
            actor = carried != null ? carried : speaksTo;
        }
        if (actor.duty() == Duty.MEMBER && (patient(unit, anchor, explicit) || !explicit && Grammar.actsOnMembers(unit))) {
            actor = actor.above(); // 对…党员，予以停止党籍: what this unit acts on does not act
            explicit = false;
        }
        if (!actor.branchLevel()) {
            Grammar.Phrase pivot = Grammar.pivot(unit, anchor + 1);
            if (pivot != null) {
                return new Holder(pivot.actor(), true, subject, pivot.start());
            }
        } else if (!explicit && actor.duty() == Duty.BRANCH && Grammar.actsOnBranch(withoutConditions(unit))) {
            return new Holder(Actors.HIGHER, false, subject);
        }
        return new Holder(actor, explicit, subject);
    }

    /** The body a thing belongs to when its phrase opens with it (党支部党员人数 → the branch; 每个党小组人数 → groups). */
    private static Actors.Actor possessor(String phrase) {
        String p = phrase.replaceFirst("^(每个|各|本)", "");
        List<Grammar.Word> words = Grammar.words(p);
        if (words.size() < 2) {
            return null;
        }
        Actors.Actor a = Actors.get().of(words.get(0).text()); // 党支部书记 is one word: a post, not a possessor
        return a != null && a.organ() && a.branchLevel() ? a : null;
    }

    /**
     * Who the conditions that open a unit speak of, when its subject is left out: the branch (党支部人数较多…的，), or its
     * committee when they name the committee or its posts (支部委员会成员出现空缺的，; 书记、副书记、委员出现空缺，).
     */
    private static Actors.Actor leadingCondition(String unit) {
        for (String part : COMMA.split(unit)) {
            String p = part.strip();
            boolean event = Grammar.event(p);
            if (!Grammar.endsAsCondition(p) && !event && !p.startsWith("在")) {
                return null;
            }
            if (event) {
                continue; // 委员出现空缺的，应当及时补选: what happens to someone does not make them the doer
            }
            Actors.Actor a = possessor(p);
            if (a != null && (a.duty() == Duty.BRANCH || a.duty() == Duty.COMMITTEE)) {
                return a;
            }
            Grammar.Phrase who = Grammar.subject(p);
            Actors.Actor first = who == null ? null : who.actor();
            if (first != null && first.branchLevel()) {
                return first; // 党员领导干部因故不能参加组织生活的，要向…请假: the cadre asks
            }
        }
        return null;
    }

    /** A unit without its condition parts (凡属党支部重要工作…的情况，): what it says is done. */
    private static String withoutConditions(String unit) {
        StringBuilder out = new StringBuilder();
        for (String part : unit.split("(?<=[，,；：])")) {
            if (!isCondition(part.replaceAll("[，,；：]$", "").strip())) {
                out.append(part);
            }
        }
        return out.toString();
    }

    /**
     * Whether members are what a unit acts on rather than who acts: named after 对 with the subject left out, or
     * given something (予以停止党籍, 给予除名处置, 按自行脱党处理) — only a party organisation gives that.
     */
    private static boolean patient(String unit, int anchor, boolean named) {
        String before = unit.substring(0, Math.min(unit.length(), Math.max(anchor, 0) + 1));
        return !named && before.startsWith("对") && before.contains("党员")
                || unit.matches(".*(予以|给予)(停止党籍|除名|处置|处分)[^，。]*$") || unit.matches(".*按[^，。]{0,8}处理$");
    }

    /**
     * A statement whose subject is how something went (执行情况每年年底报…备案), with what it went of: its clause's
     * heading (三会一课执行情况…), which the sentence leaves to the reader.
     */
    private static String withTopic(String statement, Clause clause) {
        String heading = clause.heading() == null ? "" : clause.heading().strip();
        if (!heading.isEmpty() && heading.length() <= 12 && LEANS_BACK.matcher(statement).find()) {
            return heading + statement;
        }
        return statement;
    }

    /** The unit as a checklist shows it: a subject it leaves out written in (党支部书记应当具备…). */
    private static String shown(String unit, Holder holder) {
        if (holder.from() > 0) {
            return unit.substring(holder.from()); // 各党支部每年开展1次自查自纠…, not the body above that sees to it
        }
        if (holder.explicit() || holder.subject() != null || !holder.actor().branchLevel()) {
            return unit;
        }
        String name = switch (holder.actor().duty()) {
            case BRANCH -> "党支部";
            case COMMITTEE -> holder.actor().kind().equals("role") ? holder.actor().name() : "支部委员会";
            case SECRETARY -> "党支部书记";
            case GROUP -> "党小组";
            case MEMBER -> holder.actor().leader() ? holder.actor().name() : "党员";
            case HIGHER -> holder.actor().name();
        };
        if (unit.matches("^(对于|对|按照|根据|结合|围绕|针对).*")) {
            return name + unit; // 党支部对存在问题又缺乏认识的党员要重点谈: the doer before the phrase that opens it
        }
        // after the conditions that open it (…出现空缺的，支部委员会应当…), where the predicate starts
        int at = 0;
        for (String part : unit.split("(?<=[，,])")) {
            String p = part.replaceAll("[，,]$", "").strip();
            if (!Grammar.endsAsCondition(p) && !Grammar.event(p)) {
                break;
            }
            at += part.length();
        }
        String rest = unit.substring(at);
        List<Grammar.Word> words = Grammar.words(rest);
        boolean predicateFirst = !words.isEmpty() && (words.get(0).modal() || words.get(0).pos().startsWith("d")
                || words.get(0).pos().equals("ad") || words.get(0).pos().equals("t") || words.get(0).preposition()
                || rest.matches("^(每|结合|按照|根据|围绕|对).*"));
        if (rest.startsWith(name) || !predicateFirst && at == 0) {
            return unit; // a sentence that opens with its verb reads as it is (组织党员…, 严格执行《…》)
        }
        return unit.substring(0, at) + name + rest;
    }

    /**
     * The units a sentence holds: the sentence itself, or its ；-pieces when each opens with its own subject or
     * condition; a piece is cut before each comma part that states its own measured act or opens with its own
     * subject and a measure, when it has two or more of them (the parts between stay with the duty before them).
     */
    private List<String> units(String sentence) {
        List<String> pieces = List.of(sentence);
        String[] semis = sentence.split("；");
        if (semis.length > 1 && java.util.Arrays.stream(semis).allMatch(s -> startsWithSubject(s.strip(), true))) {
            pieces = java.util.Arrays.stream(semis).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        List<String> units = new ArrayList<>();
        for (String piece : pieces) {
            String[] parts = COMMA.split(piece);
            long duties = java.util.Arrays.stream(parts).filter(p -> opensDuty(p.strip())).count();
            if (parts.length < 2 || duties < 2 || condition(piece) != null && MEMBER_CONDITION.matcher(piece).find()) {
                units.add(piece);
                continue;
            }
            StringBuilder unit = new StringBuilder();
            boolean hasDuty = false;
            for (String p : parts) {
                boolean opens = opensDuty(p.strip());
                if (!unit.isEmpty() && opens && hasDuty) {
                    units.add(unit.toString());
                    unit.setLength(0);
                    hasDuty = false;
                }
                hasDuty |= opens;
                unit.append(unit.isEmpty() ? "" : "，").append(p.strip());
            }
            units.add(unit.toString());
        }
        return units;
    }

    /**
     * Whether a comma part states a duty of its own: a measure and an act of its own (每年至少与支部党员谈心谈话1次,
     * not 一般不超过7人 after 3人至5人), and no condition.
     */
    private boolean opensDuty(String part) {
        if (isCondition(part) || OPTION.matcher(part).find() || BAND.matcher(part).find()) {
            return false; // a condition, an allowance (必要时可以设1名副书记), a band of the same rule (5000元以上的按1%…)
        }
        Grammar.Phrase s = Grammar.subject(part);
        if (frequency(part, part) == null && quantity(part) == null) {
            return s != null && s.actor() != null && binds(part); // 党组织负责人应当经常同党员谈心谈话
        }
        if (s != null && s.actor() == null && meetingOwner(s.text()) == null) {
            return false; // 限期改正时间不超过1年: the same act, measured
        }
        if (startsWithSubject(part, false)) {
            return true;
        }
        for (Grammar.Word w : Grammar.words(part)) {
            if (w.verb() && !w.text().matches("超过|少于|低于|多于|为|是|有")) {
                return true;
            }
        }
        return !termsIn(part).isEmpty();
    }

    /** Whether a text starts with who or what it is about: a name, a domain term, or (if allowed) a member condition. */
    private boolean startsWithSubject(String text, boolean conditionAllowed) {
        String t = text.replaceFirst("^(?:一般|并|同时)", "");
        String first = t.split("[，,]")[0];
        if (conditionAllowed && (MEMBER_CONDITION.matcher(t).find() || first.startsWith("对")
                || Grammar.nounPhrase(first) && Actors.get().of(first) != null)) {
            return true; // 对…的党员，…；受到处分处置以及有不良反映的党员，…
        }
        return nearStart(t, Actors.get().names()) || nearStart(t, vocabulary);
    }

    private static boolean nearStart(String text, List<String> names) {
        for (String name : names) {
            int at = text.indexOf(name);
            if (at >= 0 && at <= 2) {
                return true;
            }
        }
        return false;
    }

    /** Whether a rule binds to an act (应当按期交纳党费), not only to an attitude (应当坚持…相结合，提高…). */
    private static boolean concrete(String unit) {
        if (FOLLOWS.matcher(unit).find() || BUDGET.matcher(unit).find()) {
            return true;
        }
        // the first word each modal binds, and the first of each comma part after it (…应当增强党员意识，主动按月交纳党费)
        boolean expecting = false;
        boolean afterModal = false;
        boolean prepositionObject = false; // 按月交纳: the object of 按 stands before the verb
        for (Grammar.Word w : Grammar.words(unit)) {
            if (w.modal()) {
                expecting = true;
                afterModal = true;
            } else if (w.punctuation() && afterModal) {
                expecting = !w.text().equals("、");
                prepositionObject = false;
            } else if (expecting && w.pos().startsWith("p")) {
                prepositionObject = true;
            } else if (expecting && prepositionObject && !w.verb() && w.pos().matches("n.*|m|q|t.*")) {
                continue;
            } else if (expecting && !w.pos().startsWith("d") && !w.pos().equals("ad")
                    && !w.pos().startsWith("r") && !w.pos().equals("c")) {
                if (!ATTITUDE.contains(w.text()) && (w.verb() || w.pos().equals("nz") || w.pos().equals("vn")
                        || w.pos().equals("a"))) {
                    return true;
                }
                expecting = false;
            }
        }
        return false;
    }

    /** Whether a unit is a step dated in a year gone by (2021年、2022年2月前…要分别制定…计划). */
    private static boolean pastYear(String unit) {
        Matcher year = DATED.matcher(unit);
        int now = java.time.Year.now().getValue();
        while (year.find()) {
            if (Integer.parseInt(year.group(1)) < now) {
                return true;
            }
        }
        return false;
    }

    /** Whether a unit binds: a modal word of rules outside its conditions, or an order to follow a named regulation. */
    private static boolean binds(String unit) {
        if (FOLLOWS.matcher(unit).find()) {
            return true;
        }
        for (String part : unit.split("(?<=[，,；：])")) {
            String p = part.replaceAll("[，,；：]$", "").strip();
            List<Grammar.Word> words = Grammar.words(p);
            if (!Grammar.endsAsCondition(p)) {
                for (Grammar.Word w : words) {
                    if (w.modal()) {
                        return true;
                    }
                }
            } else if (!words.isEmpty() && words.getFirst().modal()) {
                return true; // 应当经党组审核把关后，报…审批: the modal binds what follows the condition
            }
        }
        return false;
    }

    /** How often: 每季度1次, or once a period (每月申报登记, 每年年底报…, 年初制定…) when no count is given. */
    private static Frequency frequency(String part, String unit) {
        Frequency f = Values.frequency(part);
        if (f != null) {
            return f;
        }
        if (quantity(part) != null) {
            return null;
        }
        Matcher each = EACH_PERIOD.matcher(part);
        if (each.find()) {
            return new Frequency(Period.ofWord(each.group(1)), 1);
        }
        // 年初制定…计划 once a year; not 年初承诺 in the name of a mechanism (“年初承诺、日常积分、年底评议”)
        return START_OF_YEAR.matcher(part.replaceAll("“[^”]*”", "")).find() && !unit.contains("每")
                ? new Frequency(Period.YEAR, 1) : null;
    }

    /**
     * Whether a number belongs to a condition: its comma part is one, or a 的 follows it in its part that does not
     * name a standard (6个月以上…的党员, 5000元以下的按…; not 人均不少于200元…的标准).
     */
    private static boolean conditionNumber(String text, int at) {
        int[] part = partBounds(text, at);
        String p = text.substring(part[0], part[1]).strip();
        if (isCondition(p) || Grammar.event(p)) {
            return true;
        }
        // 1000元以上的党费, 5000元以下（含5000元）的按…: the number and its unit, then 的
        String after = text.substring(at, part[1]);
        return after.matches("^[\\d.]+\\s*(人|名|元|%|个月|年|周岁|学时|小时|个|次)?(以上|以下|以内)?(（[^）]*）)?的(?!(标准|比例|水平|幅度)).*");
    }

    /** Whether the measure at the anchor lies in a condition (对…6个月以上的党员) or its subject's modifier. */
    private static boolean anchorInCondition(String unit, int anchor, int[] part) {
        String p = unit.substring(part[0], part[1]).strip();
        if (isCondition(p) || Grammar.event(p)) {
            return true;
        }
        // a number inside the phrase before the predicate: 正式党员7人以上的党支部, 1000元以上的党费
        List<Grammar.Word> words = Grammar.words(unit.substring(part[0], part[1]));
        int predicate = Grammar.predicateStart(words);
        int predicateAt = predicate < words.size() ? part[0] + words.get(predicate).start() : part[1];
        return anchor < predicateAt && unit.substring(anchor, part[1]).contains("的")
                || anchor < unit.length() && Character.isDigit(unit.charAt(anchor)) && conditionNumber(unit, anchor);
    }

    /** The comma part of a text around a position. */
    private static int[] partBounds(String text, int at) {
        int start = 0;
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '；' || c == '：') {
                start = i + 1;
                break;
            }
        }
        int end = text.length();
        for (int i = Math.max(at, 0); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '；' || c == '：') {
                end = i;
                break;
            }
        }
        return new int[] {start, end};
    }

    /**
     * Where the measure, else the binding word, of a text stands: its frequency, else its first number that is not a
     * condition's (5000元以下（含5000元）的按0.5%交纳: the 0.5%).
     */
    private static int anchor(String text) {
        Values.Found frequency = Values.findFrequency(text);
        if (frequency != null) {
            return frequency.start();
        }
        Matcher number = NUMBER.matcher(text);
        int first = -1;
        while (number.find()) {
            first = first < 0 ? number.start() : first;
            if (!conditionNumber(text, number.start())) {
                return number.start();
            }
        }
        if (first >= 0) {
            return first;
        }
        Matcher each = EACH_PERIOD.matcher(text);
        if (each.find()) {
            return each.start();
        }
        Matcher budget = BUDGET.matcher(text);
        if (budget.find()) {
            return budget.start();
        }
        Matcher yearly = START_OF_YEAR.matcher(text);
        if (yearly.find()) {
            return yearly.start();
        }
        for (Grammar.Word w : Grammar.words(text)) {
            if (w.modal()) {
                return w.start();
            }
        }
        Matcher follows = FOLLOWS.matcher(text);
        return follows.find() ? follows.start() : text.length();
    }

    /**
     * The domain terms a requirement is about: the last term after its anchor in the anchor's own comma part if there
     * is one (每半年至少与班子成员谈心谈话1次 is about 谈心谈话); else the terms before it, all of them when joined by 和、及
     * (支部委员会会议和党小组会议一般每月召开1次 is about both).
     */
    private List<String> mattersAround(String part, int anchor, Matters.Matter matter) {
        List<Found> terms = termsIn(part);
        int end = partBounds(part, anchor)[1];
        List<Found> after = terms.stream().filter(f -> f.start() >= anchor && f.end() <= end).toList();
        if (!after.isEmpty()) {
            return List.of(canonical.getOrDefault(after.getLast().term(), after.getLast().term()));
        }
        List<Found> before = terms.stream().filter(f -> f.end() <= anchor).toList();
        if (before.isEmpty()) {
            // the act in a part after the number or binding word: its matter's own name if a term (每月相对固定1天，…，
            // 组织党员开展主题党日), else the first term after it (应当按照…，组织党员认真参加党内集中学习教育)
            if (matter != null && terms.stream().anyMatch(f -> f.term().equals(matter.name()))) {
                return List.of(matter.name());
            }
            return terms.stream().filter(f -> f.start() >= anchor).findFirst()
                    .map(f -> List.of(canonical.getOrDefault(f.term(), f.term()))).orElse(List.of());
        }
        List<String> joined = new ArrayList<>();
        Found last = before.getLast();
        joined.add(canonical.getOrDefault(last.term(), last.term()));
        for (int i = before.size() - 2; i >= 0; i--) {
            String between = part.substring(before.get(i).end(), before.get(i + 1).start());
            if (!between.matches("[和、及与]|以及")) {
                break;
            }
            joined.addFirst(canonical.getOrDefault(before.get(i).term(), before.get(i).term()));
        }
        return joined.stream().distinct().toList();
    }

    /** Matter terms in a text, longest first where they overlap, in text order. */
    private List<Found> termsIn(String text) {
        return zhibu.core.NameMatches.in(text, vocabulary).stream().map(m -> new Found(m.name(), m.start(), m.end()))
                .toList();
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    /**
     * Matters a branch has only from some number of members on: "有正式党员7人以上的党支部，应当设立党支部委员会"
     * gives 支委会 → 7, so a smaller branch gets no 支委会 items.
     */
    public Map<String, Integer> thresholds(Collection<Clause> clauses) {
        Pattern setsUp = Pattern.compile("的党支部[，,]?(?:应当|应)?(?:设立|设置|成立)([^，。；、]+)");
        return clauses.parallelStream().flatMap(clause -> {
            List<Map.Entry<String, Integer>> found = new ArrayList<>();
            Matcher sentences = SENTENCE.matcher(Values.foldCounts(clause.text()));
            while (sentences.find()) {
                MemberCondition condition = condition(sentences.group());
                Matcher m = setsUp.matcher(sentences.group());
                if (condition != null && condition.min() != null && m.find()) {
                    String matter = termOf(m.group(1));
                    if (matter != null) {
                        found.add(Map.entry(matter, condition.min()));
                    }
                }
            }
            return found.stream();
        }).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Math::max));
    }

    /** The canonical name of the first domain term of a text, or null. */
    String termOf(String text) {
        List<Found> terms = termsIn(text);
        if (!terms.isEmpty()) {
            return canonical.getOrDefault(terms.get(0).term(), terms.get(0).term());
        }
        Actors.Actor a = Actors.get().of(text);
        return a != null && a.duty() == Duty.COMMITTEE ? canonical.getOrDefault("支部委员会", "支部委员会") : null;
    }

    /**
     * A number of a requirement: a rate in % only where it is about money (党费, 经费, 工资, 收入); a count of things
     * with a comparator (至少和1个…党支部).
     */
    static Quantity quantity(String part) {
        Quantity q = Values.quantity(part, part.matches(".*(经费|党费|工资|收入).*"));
        if (q != null) {
            return q;
        }
        Matcher count = COUNT.matcher(part);
        if (count.find() && (count.group(1) != null || count.group(2).equals("1"))) {
            String c = count.group(1) == null ? Quantity.EXACT
                    : count.group(1).matches("不超过|最多") ? Quantity.MAX : Quantity.MIN;
            return new Quantity(c, Double.parseDouble(count.group(2)), null, "个");
        }
        return null;
    }

    static MemberCondition condition(String sentence) {
        Matcher atLeast = AT_LEAST.matcher(sentence);
        Matcher below = BELOW.matcher(sentence);
        Integer min = atLeast.find() ? (int) Double.parseDouble(atLeast.group(1)) : null;
        Integer max = below.find() ? (int) Double.parseDouble(below.group(1)) - 1 : null;
        return min == null && max == null ? null : new MemberCondition(min, max);
    }

    static String foldCounts(String text) {
        return Values.foldCounts(text);
    }

    private static String clean(String s) {
        return LABEL.matcher(s.replaceAll("[*#]+", "").strip()).replaceFirst("").replaceAll("^[、，。；\\s]+", "").strip()
                .replaceAll("[，、；：,。]$", "");
    }

    /** Requirements of many clauses, each clause's in order. */
    public List<Requirement> extractAll(Map<Clause, DocumentMetadata> clauses) {
        return clauses.entrySet().parallelStream().map(e -> extract(e.getKey(), e.getValue()))
                .flatMap(List::stream).toList(); // in order; each clause on whichever core is free
    }
}
