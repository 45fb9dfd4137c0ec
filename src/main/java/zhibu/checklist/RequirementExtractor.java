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
import zhibu.core.DocumentMetadata;
import zhibu.core.Frequency;
import zhibu.core.Quantity;
import zhibu.core.Values;

/**
 * Finds the obligations in clauses. A clause is cut into sentences and a sentence into its comma-separated parts;
 * a part that states a frequency (每季度召开1次) or a number (不少于32学时, 3人至5人) is a requirement, and so is a
 * whole sentence that addresses a branch type by name (机关党支部的活动经费，列入行政经费预算). Each takes the
 * domain term it is about (its matter, from the domain dictionary, synonyms folded), its category (categories.tsv),
 * any condition on the number of members, and the branch types it applies to.
 */
public final class RequirementExtractor {
    /** A term used by more than this share of all clauses (党支部, 党员) is a subject, not a matter. */
    static final double GENERIC_SHARE = 0.2;
    /** Dictionary terms that are units of a number (32学时), not what it is about. */
    private static final Pattern UNITS = Pattern.compile("(培训)?学时");
    private static final Pattern SENTENCE = Pattern.compile("[^。；！？]+[。；！？]?");
    private static final Pattern PART = Pattern.compile("[^，,：:]+");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    /** A number with a unit, to tell a part that lists several (教职工…200元、学生…100元). */
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(NUM + "\\s*(人|名|学时|元|%|个月|年|周岁|小时)");
    private static final Pattern AT_LEAST = Pattern.compile("(?:有)?(?:正式)?党员" + NUM + "人以上");
    private static final Pattern BELOW = Pattern.compile("(?:正式)?党员(?:人数)?不足" + NUM + "人");
    private static final Pattern OBLIGATION = Pattern.compile("应当|必须|须|不得|严禁|列入|实行|建立|推行|配备|设立|报到");
    /** A part that only names who or when ("…不足3人的", "…在3000元以下者") is a condition, not a requirement. */
    private static final Pattern CONDITION_ONLY = Pattern.compile(
            "(者|的|的[\\p{IsHan}]{1,4})$|^(凡)?(有)?(正式)?党员(人数)?(不足)?\\d+人(以上|以下)?$");
    private static final Pattern CONNECTOR = Pattern.compile("[和、及与]|以及");

    private final List<String> vocabulary;
    private final Map<String, String> canonical;
    private final List<String[]> categories;
    private final List<String> actors;

    private RequirementExtractor(List<String> vocabulary, Map<String, String> canonical, List<String[]> categories) {
        this.vocabulary = vocabulary;
        this.canonical = canonical;
        this.categories = categories;
        this.actors = DomainDictionary.dataLines("actors.txt").stream().map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A matter term found at a place in a text. */
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
        // synonyms of three characters or more are names too (支部委员会会议); shorter ones are often verbs (召开)
        canonical.keySet().stream().filter(t -> t.length() >= 3 && !terms.contains(t)).forEach(terms::add);
        List<String> vocabulary = new ArrayList<>();
        for (String term : terms) {
            if (term.length() < 2 || UNITS.matcher(term).matches()) {
                continue;
            }
            long using = clauses.stream().filter(c -> c.text().contains(term)).count();
            if (clauses.isEmpty() || using <= GENERIC_SHARE * clauses.size()) {
                vocabulary.add(term);
            }
        }
        vocabulary.sort(Comparator.comparingInt(String::length).reversed());
        List<String[]> categories = DomainDictionary.dataLines("categories.tsv").stream()
                .map(line -> line.split("\t")).toList();
        return new RequirementExtractor(vocabulary, canonical, categories);
    }

    public List<Requirement> extract(Clause clause, DocumentMetadata doc) {
        List<Requirement> found = new ArrayList<>();
        if (clause.id().endsWith(".pre") || !clause.text().matches("(?s).*[。；\\d].*")) {
            return found; // a notice's preamble, or a heading with nothing of its own
        }
        String text = foldCounts(clause.text());
        String clauseMatter = matterOf(text);
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            String sentence = sentences.group().strip();
            if (sentence.length() < 6) {
                continue;
            }
            Set<BranchType> named = BranchType.mentionedIn(sentence);
            boolean namesType = !named.isEmpty() && named.size() < 3; // a list of many types addresses none
            List<String> types = namesType ? BranchType.labels(named)
                    : clause.branchTypes().isEmpty() ? BranchType.labels(BranchType.all()) : clause.branchTypes();
            MemberCondition condition = condition(sentence);
            String sentenceMatter = matterOf(sentence);
            String sentenceActor = null;
            int before = found.size();
            for (String part : parts(sentence)) {
                String actor = actorOf(part);
                sentenceActor = actor != null ? actor : sentenceActor;
                Frequency frequency = frequency(part);
                Quantity quantity = frequency == null ? quantity(part) : null;
                if (frequency == null && quantity == null || CONDITION_ONLY.matcher(clean(part)).find()) {
                    continue;
                }
                int anchor = anchor(part);
                List<String> matters = mattersAround(part, anchor);
                if (matters.isEmpty()) {
                    matters = List.of(firstNonNull(knownHeadingMatter(clause), sentenceMatter,
                            firstNonNull(clauseMatter, headingMatter(clause), "")));
                }
                String who = actor != null ? actor : firstNonNull(sentenceActor, "", "");
                for (String matter : matters) {
                    found.add(new Requirement(clause.id(), clause.docId(), clause.docTitle(), doc.docNumber(),
                            clause.path(), clause.text(), clean(part), matter, who, category(part, clause),
                            frequency, quantity, condition, types));
                }
            }
            if (found.size() == before + 1 && namesType) { // a sentence for one type reads best whole
                Requirement only = found.remove(before);
                found.add(new Requirement(only.clauseId(), only.docId(), only.docTitle(), only.docNumber(), only.path(),
                        only.clauseText(), clean(sentence), only.matter(), only.qualifier(), only.category(),
                        only.frequency(), only.quantity(), only.condition(), only.branchTypes()));
            }
            if (found.size() == before && (namesType || condition != null) && OBLIGATION.matcher(sentence).find()) {
                String matter = firstNonNull(sentenceMatter, clauseMatter, headingMatter(clause));
                found.add(new Requirement(clause.id(), clause.docId(), clause.docTitle(), doc.docNumber(),
                        clause.path(), clause.text(), clean(sentence), matter, "", category(sentence, clause),
                        null, null, condition, types));
            }
        }
        return found;
    }

    /**
     * The comma-separated parts of a sentence; a part stating several numbers in a list ("教职工党员人均不少于200元、
     * 学生党员人均不少于100元") is cut at its 、 so that each number is a requirement of its own.
     */
    private static List<String> parts(String sentence) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(sentence);
        while (m.find()) {
            String part = m.group().strip();
            Matcher numbers = NUMBER_WITH_UNIT.matcher(part);
            int count = 0;
            while (numbers.find()) {
                count++;
            }
            if (count > 1 && part.contains("、")) {
                for (String piece : part.split("、")) {
                    parts.add(piece.strip());
                }
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Where the number of a part is stated: matters after it (每年至少召开1次组织生活会) come before those in front. */
    private static int anchor(String part) {
        Values.Found frequency = Values.findFrequency(part);
        if (frequency != null) {
            return frequency.start();
        }
        Matcher number = Pattern.compile("\\d").matcher(part);
        return number.find() ? number.start() : part.length();
    }

    /**
     * The matters of a part: the last term after the number if there is one (每半年至少与班子成员谈心谈话1次 is about
     * 谈心谈话); else the terms before it, all of them when joined by 和、及 (支部委员会会议和党小组会议一般每月召开1次
     * is about both). Who is bound (班子成员, 党员) is not a matter.
     */
    private List<String> mattersAround(String part, int anchor) {
        List<Found> terms = termsIn(part).stream().filter(f -> !actors.contains(f.term())).toList();
        List<Found> after = terms.stream().filter(f -> f.start() >= anchor).toList();
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
        boolean[] taken = new boolean[text.length()];
        List<Found> found = new ArrayList<>();
        for (String term : vocabulary) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + term.length(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = at; i < at + term.length(); i++) {
                        taken[i] = true;
                    }
                    found.add(new Found(term, at, at + term.length()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    /** Who the part binds: the actor named first (党支部根据上级党组织确定的主题… binds 党支部). */
    private String actorOf(String part) {
        String first = null;
        int at = Integer.MAX_VALUE;
        for (String actor : actors) { // longest first, so at one place the longest name wins
            int i = part.indexOf(actor);
            if (i >= 0 && i < at) {
                first = actor;
                at = i;
            }
        }
        return first;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    private static final Pattern SETS_UP = Pattern.compile("的党支部[，,]?(?:应当|应)?(?:设立|设置|成立)([^，。；、]+)");

    /**
     * Matters a branch has only from some number of members on: "有正式党员7人以上的党支部，应当设立党支部委员会"
     * gives 支委会 → 7, so a smaller branch gets no 支委会 items.
     */
    public Map<String, Integer> thresholds(Collection<Clause> clauses) {
        Map<String, Integer> thresholds = new HashMap<>();
        for (Clause clause : clauses) {
            Matcher sentences = SENTENCE.matcher(foldCounts(clause.text()));
            while (sentences.find()) {
                MemberCondition condition = condition(sentences.group());
                Matcher setsUp = SETS_UP.matcher(sentences.group());
                if (condition != null && condition.min() != null && setsUp.find()) {
                    String matter = matterOf(setsUp.group(1));
                    if (matter != null) {
                        thresholds.merge(matter, condition.min(), Math::max);
                    }
                }
            }
        }
        return thresholds;
    }

    /** The canonical name of the first matter term of a text, or null. */
    String matterOf(String text) {
        List<Found> terms = termsIn(text);
        return terms.isEmpty() ? null : canonical.getOrDefault(terms.get(0).term(), terms.get(0).term());
    }

    /** The matter the clause's heading names (三会一课, 主题党日), or null. */
    private String knownHeadingMatter(Clause clause) {
        return clause.heading() == null ? null : matterOf(clause.heading());
    }

    private String headingMatter(Clause clause) {
        String heading = clause.heading();
        if (heading != null && !heading.isBlank()) {
            String matter = matterOf(heading);
            return matter != null ? matter : heading.strip();
        }
        String last = clause.path().isEmpty() ? clause.docTitle() : clause.path().get(clause.path().size() - 1);
        return last.length() > 16 ? last.substring(0, 16) : last;
    }

    private String category(String statement, Clause clause) {
        for (String[] category : categories) {
            if (Pattern.compile(category[1]).matcher(statement).find()) {
                return category[0];
            }
        }
        String headings = String.join(" ", clause.path());
        for (String[] category : categories) {
            if (Pattern.compile(category[1]).matcher(headings).find()) {
                return category[0];
            }
        }
        return "工作制度";
    }

    static Frequency frequency(String part) {
        return Values.frequency(part);
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
        return s.replaceAll("[*#]+", "").replaceAll("^[（(]?\\d+[）)]|^[、，。；\\s]+", "").strip()
                .replaceAll("[，、；：]$", "");
    }

    /** Requirements of many clauses, each clause's in order. */
    public List<Requirement> extractAll(Map<Clause, DocumentMetadata> clauses) {
        List<Requirement> all = new ArrayList<>();
        clauses.forEach((clause, doc) -> all.addAll(extract(clause, doc)));
        return all;
    }
}
