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
import zhibu.core.Quantity;
import zhibu.core.Values;

/**
 * Finds the requirements in the clauses of rule documents. The unit is the whole sentence, so that its subject,
 * condition and branch type stay with it; a sentence is cut only where it lists several duties that each name their
 * own subject (支部党员大会一般每季度召开1次，支部委员会会议和党小组会议一般每月召开1次，讲党课每半年至少1次 …) or
 * where its ；-pieces each start with their own subject or condition (正式党员7人以上的党支部，设立支部委员会；正式党员
 * 不足7人的党支部，设1名书记). A sentence is a requirement when it states how often or how much, or when it binds with
 * 应当/必须/不得 on a matter of a branch's year, or addresses a branch type or a member condition with an obligation.
 * Each gets its subject and so its duty (actors.tsv: 党支部, 支部书记, 党员, or a body above), whether it is only an
 * option (可以, 提倡, 鼓励), its domain terms and its row of the coverage table (checklist-matters.tsv).
 */
public final class RequirementExtractor {
    /** A term used by more than this share of all clauses (党支部, 党员) is a subject, not a matter. */
    static final double GENERIC_SHARE = 0.2;
    /** Dictionary terms that are units of a number (32学时), not what it is about. */
    private static final Pattern UNITS = Pattern.compile("(培训)?学时");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？]+[。！？]?");
    private static final Pattern COMMA = Pattern.compile("[，,]");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern AT_LEAST = Pattern.compile("(?:有)?(?:正式)?党员" + NUM + "人以上");
    private static final Pattern BELOW = Pattern.compile("(?:正式)?党员(?:人数)?不足" + NUM + "人");
    private static final Pattern MEMBER_CONDITION = Pattern.compile("^(?:有)?(?:正式)?党员(?:人数)?(?:不足)?\\d+人");
    /** Binding words of a sentence addressed to a branch type or under a member condition. */
    private static final Pattern OBLIGATION = Pattern.compile("应当|必须|须|不得|严禁|列入|纳入|实行|建立|推行|配备|设立|设|报到");
    /** Binding words strong enough on their own, on a matter of the coverage table. */
    private static final Pattern STRONG = Pattern.compile("应当|必须|不得|严禁|一律|严格(?:执行|落实|按照)《");
    private static final Pattern OPTION = Pattern.compile("可以|提倡|鼓励|允许|自愿|^可[^能]");
    /** What only a body above a branch does: approve, remind, survey, supervise. */
    private static final Pattern HIGHER_ACTION = Pattern.compile("批复|审批|发函|摸排|督促|指导");
    /** Words that make the name after them an object (向上级党组织报告, 对所属党支部, 与班子成员, 成立党支部). */
    private static final Pattern OBJECT_MARK = Pattern.compile("向|对|与|为|给|经|报|按|根据|帮助|指导|督促|检查|下级|成立|设立|设置|建立|所在|要求");
    /** A sentence whose number is only a condition ("…不足3人的", "…在3000元以下者") is no requirement by itself. */
    private static final Pattern CONDITION_ONLY = Pattern.compile(
            "(者|的|的[\\p{IsHan}]{1,4})$|^(凡)?(有)?(正式)?党员(人数)?(不足)?\\d+人(以上|以下)?$");
    private static final Pattern LABEL = Pattern.compile("^(?:[（(]?\\d+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、|——)\\s*");
    private static final Pattern CONNECTOR = Pattern.compile("[和、及与]|以及");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern BINDING_WORD = Pattern.compile("应当|必须|不得|严禁|一律|严格|可以|应|要");
    private static final Pattern SETS_UP = Pattern.compile("的党支部[，,]?(?:应当|应)?(?:设立|设置|成立)([^，。；、]+)");
    /** Persons whose numbers are their own duty, not the branch's (党员领导干部每年讲1次党课). */
    static final Set<String> PERSONS = zhibu.core.DutyHolders.PERSONS;

    private final List<String> vocabulary;
    private final Map<String, String> canonical;
    /** The duty each name of actors.tsv stands for, and the names longest first. */
    private final Map<String, Duty> duties = new HashMap<>();
    private final List<String> actors;

    private RequirementExtractor(List<String> vocabulary, Map<String, String> canonical) {
        this.vocabulary = vocabulary;
        this.canonical = canonical;
        DomainDictionary.dataLines("actors.tsv").stream().map(line -> line.split("\t"))
                .forEach(f -> duties.put(f[0].strip(), Duty.ofLabel(f[1])));
        this.actors = duties.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
            if (term.length() < 2 || UNITS.matcher(term).matches()) {
                continue;
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

    public List<Requirement> extract(Clause clause, DocumentMetadata doc) {
        List<Requirement> found = new ArrayList<>();
        if (doc.kind() == DocumentKind.EXPERIENCE || clause.id().endsWith(".pre")
                || !clause.text().matches("(?s).*[。；\\d].*")) {
            return found; // experience is not a rule; a preamble or a heading has nothing of its own
        }
        String text = foldCounts(clause.text()).replace("**", "");
        Matcher sentences = SENTENCE.matcher(text);
        Duty carried = Duty.BRANCH; // a sentence without a subject has the one before it (补交党费的时间… after 党员应当…)
        while (sentences.find()) {
            String sentence = LABEL.matcher(sentences.group().strip()).replaceFirst("").strip();
            if (sentence.length() < 6 || sentence.startsWith("附件")) {
                continue; // a notice's list of attachments numbers titles, not duties
            }
            for (String unit : units(sentence)) {
                int anchor = anchor(unit);
                Found subject = subject(unit, anchor);
                Duty duty = subject != null ? duties.get(subject.term())
                        : startsWithSubject(unit, false) ? Duty.BRANCH : carried; // 党课一般每季度安排1次: the branch's
                carried = duty;
                Requirement r = requirement(clause, doc, unit, anchor, subject, duty);
                if (r != null) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    private Requirement requirement(Clause clause, DocumentMetadata doc, String unit, int anchor, Found subject,
                                    Duty subjectDuty) {
        Set<BranchType> named = BranchType.mentionedIn(unit);
        boolean namesType = !named.isEmpty() && named.size() < 3; // a list of many types addresses none
        List<String> types = namesType ? BranchType.labels(named)
                : clause.branchTypes().isEmpty() ? BranchType.labels(BranchType.all()) : clause.branchTypes();
        MemberCondition condition = condition(unit);
        Frequency frequency = Values.frequency(unit);
        Quantity quantity = frequency == null ? quantity(unit) : null;
        Matters.Matter matter = firstNonNull(Matters.of(partAt(unit, anchor)), Matters.of(unit));
        boolean measured = (frequency != null || quantity != null) && !CONDITION_ONLY.matcher(clean(unit)).find();
        boolean binding = (namesType || condition != null) && OBLIGATION.matcher(unit).find()
                || matter != null && matter.core() && STRONG.matcher(unit).find();
        if (!measured && !binding) {
            return null;
        }
        if (matter == null) {
            matter = firstNonNull(Matters.of(String.join(" ", clause.path())), Matters.all().getLast());
        }
        Duty duty = subjectDuty;
        if (duty == Duty.BRANCH && HIGHER_ACTION.matcher(partAt(unit, anchor)).find()
                && (subject == null || subject.start() > anchor)) {
            duty = Duty.HIGHER; // 批复时间一般不超过1个月: the approval is the higher body's
        }
        if (duty == Duty.HIGHER && !unit.contains("支部")) {
            return null; // what bodies above do among themselves (上缴中央) is nothing a branch checks
        }
        boolean optional = OPTION.matcher(unit).find() && !unit.contains("应当") && !unit.contains("必须");
        String person = subject != null && PERSONS.contains(subject.term()) ? subject.term() : "";
        return new Requirement(clause.id(), clause.docId(), clause.docTitle(), doc.docNumber(), clause.path(),
                clause.text(), clean(unit), mattersAround(unit, anchor), matter,
                Matters.allOf(unit).stream().map(Matters.Matter::name).toList(), duty, optional, person,
                frequency, quantity, condition, types);
    }

    /**
     * The requirements a sentence holds: the sentence itself, or its ；-pieces when each starts with its own subject or
     * condition; a sentence (or piece) without a member condition that lists duties is cut before each comma part that
     * starts with its own subject and states a number, the parts between staying with the duty before them.
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
            boolean listOfDuties = parts.length > 1 && condition(piece) == null
                    && startsWithSubject(parts[0].strip(), false)
                    && java.util.Arrays.stream(parts).filter(p -> opensDuty(p.strip())).count() > 1;
            if (!listOfDuties) {
                units.add(piece);
                continue;
            }
            StringBuilder unit = new StringBuilder();
            for (String p : parts) { // a part without its own subject and number stays with the one before
                if (!unit.isEmpty() && opensDuty(p.strip())) {
                    units.add(unit.toString());
                    unit.setLength(0);
                }
                unit.append(unit.isEmpty() ? "" : "，").append(p.strip());
            }
            units.add(unit.toString());
        }
        return units;
    }

    /** Whether a comma part opens a duty of its own: it starts with its own subject and states a number. */
    private boolean opensDuty(String part) {
        return (Values.frequency(part) != null || quantity(part) != null) && startsWithSubject(part, false);
    }

    /** Whether a text starts with who or what it is about: a name, a domain term, or (if allowed) a member condition. */
    private boolean startsWithSubject(String text, boolean conditionAllowed) {
        String t = text.replaceFirst("^(?:一般|并|同时)", "");
        if (conditionAllowed && MEMBER_CONDITION.matcher(t).find()) {
            return true;
        }
        return nearStart(t, actors) || nearStart(t, vocabulary);
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

    /** The comma part of a text around a position. */
    private static String partAt(String text, int at) {
        int[] bounds = partBounds(text, at);
        return text.substring(bounds[0], bounds[1]);
    }

    /**
     * Who a requirement binds: the agent after 由 if there is one (应当由…党委建立); else the first name that is not an
     * object (向上级党组织, 对…党支部, 与班子成员, 按…党员) in the comma part of its number or binding word, else in the
     * nearest part before it, else after it; a name inside a longer domain term (党员大会) is none.
     */
    private Found subject(String unit, int anchor) {
        List<Found> names = actorsIn(unit);
        for (Found name : names) {
            String before = unit.substring(partBounds(unit, name.start())[0], name.start());
            int by = before.lastIndexOf('由');
            if (by >= 0 && before.length() - by <= 14) {
                return name; // 应当由具有审批预备党员权限的基层党委建立
            }
        }
        List<Found> subjects = names.stream().filter(n -> !isObject(unit, n)).toList();
        int[] part = partBounds(unit, anchor);
        for (int i = 0; i < subjects.size(); i++) {
            Found n = subjects.get(i);
            if (n.start() >= part[0] && n.start() < part[1]) {
                // 党员领导干部和党支部书记: of names joined by 和、及, the branch's own office holder binds the branch
                for (int j = i + 1; j < subjects.size(); j++) {
                    Found next = subjects.get(j);
                    if (!CONNECTOR.matcher(unit.substring(subjects.get(j - 1).end(), next.start())).matches()) {
                        break;
                    }
                    if (duties.get(next.term()) == Duty.SECRETARY) {
                        return next;
                    }
                }
                return n;
            }
        }
        Found before = null;
        for (Found n : subjects) {
            if (n.start() < part[0] && (before == null || partBounds(unit, n.start())[0] > partBounds(unit, before.start())[0])) {
                before = n; // the first name of the nearest part before
            }
        }
        if (before != null) {
            return before;
        }
        return subjects.stream().filter(n -> n.start() >= part[1]).findFirst().orElse(null);
    }

    /** Whether a name is the object of a word before it in its comma part (向, 对, 与, 按, 根据, 督促 …). */
    private static boolean isObject(String unit, Found name) {
        String before = unit.substring(partBounds(unit, name.start())[0], name.start());
        String window = before.length() > 8 ? before.substring(before.length() - 8) : before;
        return OBJECT_MARK.matcher(window).find();
    }

    /** Start and end of the comma part around a position. */
    private static int[] partBounds(String text, int at) {
        int start = 0;
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '；') {
                start = i + 1;
                break;
            }
        }
        int end = text.length();
        for (int i = Math.max(at, 0); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '，' || c == ',' || c == '；') {
                end = i;
                break;
            }
        }
        return new int[] {start, end};
    }

    /** Names of actors.tsv in a text; a name inside a longer domain term (党员大会, 党小组会) is none. */
    private List<Found> actorsIn(String text) {
        boolean[] taken = new boolean[text.length()];
        for (Found term : termsIn(text)) {
            if (!duties.containsKey(term.term())) {
                java.util.Arrays.fill(taken, term.start(), term.end(), true);
            }
        }
        return longestFirst(text, actors, taken);
    }

    /** Where the number or the binding word of a text stands. */
    private static int anchor(String text) {
        Values.Found frequency = Values.findFrequency(text);
        if (frequency != null) {
            return frequency.start();
        }
        Matcher number = DIGIT.matcher(text);
        if (number.find()) {
            return number.start();
        }
        Matcher binding = BINDING_WORD.matcher(text);
        return binding.find() ? binding.start() : text.length();
    }

    /**
     * The domain terms a requirement is about: the last term after its number in the number's own comma part if there
     * is one (每半年至少与班子成员谈心谈话1次 is about 谈心谈话); else the terms before it, all of them when joined by 和、及 (支部委员会会议和党小组会议
     * 一般每月召开1次 is about both). Who is bound is not a term.
     */
    private List<String> mattersAround(String part, int anchor) {
        List<Found> terms = termsIn(part).stream()
                .filter(f -> !duties.containsKey(f.term())).toList();
        int end = partBounds(part, anchor)[1]; // in a whole sentence, the terms of the number's own comma part
        List<Found> after = terms.stream().filter(f -> f.start() >= anchor && f.end() <= end).toList();
        if (!after.isEmpty()) {
            return List.of(canonical.getOrDefault(after.getLast().term(), after.getLast().term()));
        }
        List<Found> before = terms.stream().filter(f -> f.end() <= anchor).toList();
        if (before.isEmpty()) {
            return List.of();
        }
        List<String> joined = new ArrayList<>();
        Found last = before.getLast();
        joined.add(canonical.getOrDefault(last.term(), last.term()));
        for (int i = before.size() - 2; i >= 0; i--) {
            String between = part.substring(before.get(i).end(), before.get(i + 1).start());
            if (!CONNECTOR.matcher(between).matches()) {
                break;
            }
            joined.addFirst(canonical.getOrDefault(before.get(i).term(), before.get(i).term()));
        }
        return joined.stream().distinct().toList();
    }

    /** Matter terms in a text, longest first where they overlap, in text order. */
    private List<Found> termsIn(String text) {
        return longestFirst(text, vocabulary, new boolean[text.length()]);
    }

    /**
     * Every place of the names (longest first) in the text where no longer name, nor anything already {@code taken},
     * stands; in text order.
     */
    private static List<Found> longestFirst(String text, List<String> names, boolean[] taken) {
        List<Found> found = new ArrayList<>();
        for (String name : names) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + name.length(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    java.util.Arrays.fill(taken, at, at + name.length(), true);
                    found.add(new Found(name, at, at + name.length()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    /**
     * Matters a branch has only from some number of members on: "有正式党员7人以上的党支部，应当设立党支部委员会"
     * gives 支委会 → 7, so a smaller branch gets no 支委会 items.
     */
    public Map<String, Integer> thresholds(Collection<Clause> clauses) {
        return clauses.parallelStream().flatMap(clause -> {
            List<Map.Entry<String, Integer>> found = new ArrayList<>();
            Matcher sentences = SENTENCE.matcher(foldCounts(clause.text()));
            while (sentences.find()) {
                MemberCondition condition = condition(sentences.group());
                Matcher setsUp = SETS_UP.matcher(sentences.group());
                if (condition != null && condition.min() != null && setsUp.find()) {
                    String matter = termOf(setsUp.group(1));
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
        return terms.isEmpty() ? null : canonical.getOrDefault(terms.get(0).term(), terms.get(0).term());
    }

    /** A rate in % is a requirement only where it is about money (党费, 经费, 工资): 达到90% is a target for others. */
    static Quantity quantity(String part) {
        return Values.quantity(part, part.matches(".*(经费|党费|工资|收入).*"));
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
                .replaceAll("[，、；：,]$", "");
    }

    /** Requirements of many clauses, each clause's in order. */
    public List<Requirement> extractAll(Map<Clause, DocumentMetadata> clauses) {
        return clauses.entrySet().parallelStream().map(e -> extract(e.getKey(), e.getValue()))
                .flatMap(List::stream).toList(); // in order; each clause on whichever core is free
    }
}
