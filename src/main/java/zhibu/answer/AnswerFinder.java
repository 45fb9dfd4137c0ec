package zhibu.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.analysis.QuestionWords;
import zhibu.core.BodyNames;
import zhibu.core.DutyHolders;
import zhibu.core.Quantity;
import zhibu.core.Values;

/**
 * Finds the direct answer among the best sentences of the first hits. The answer sentence is the best sentence of
 * the first clause — or, when the question names a number (工资8000), the sentence of one of the first clauses whose
 * band of numbers holds it. Within the sentence, the part that states what the question asks for (how often: a
 * frequency or a time; how much: a number) and shares most of its wording is the answer part, and its value is
 * picked out. Other documents' sentences, in clauses that rank nearly as well as the first, that state a value of the
 * same kind about the same matter (sharing the question's wording as the answer does) for the same duty holder are the
 * variants: grouped by value, the stricter marked. A value read from a band (1.5% for 工资8000) has none.
 */
public final class AnswerFinder {
    /** The clauses whose sentences may be the answer's variants. */
    static final int VARIANT_UNITS = 8;
    /** A variant's clause must score at least this share of the first clause's score. */
    static final double VARIANT_SHARE = 0.7;
    /** The clauses a number's band is looked for in. */
    static final int BAND_UNITS = 3;
    private static final Pattern PART = Pattern.compile("[^，,；;：:。]+");
    /** How a question asks for a ceiling (最多几人) or a floor (最少几人): the comparators of a limit, a closed class. */
    private static final Pattern MOST = Pattern.compile("最多|至多|不超过|不多于|最高|上限");
    private static final Pattern LEAST = Pattern.compile("最少|至少|不少于|不低于|最低|下限");
    /**
     * The endings of the words that name a body, meeting or office, each read as its kind (支委会 is a 委员会): what a
     * limit is a limit of, when a sentence names several (党支部 … 党小组人数不少于3人).
     */
    private static final Pattern BODY = Pattern.compile("支委会|" + BodyNames.BODIES);
    /**
     * How a question asks what a term means or which members it has (六有六强具体指什么, 三会一课包括哪些, 是哪五化):
     * the question forms of a definition, a closed class.
     */
    private static final Pattern DEFINITION = Pattern.compile(
            "的?(?:主要)?(?:内容)?(?:具体)?(?:是指什么|指什么|是什么意思|什么意思|包括哪些|包含哪些|有哪些|是哪|哪几|的含义|含义)");
    private static final Pattern QUOTED_TERM = Pattern.compile("[“\"]([^”\"]{2,12})[”\"]");
    /**
     * What follows a term where a sentence defines or lists it: a bracket opening a 、-list (a sentence may end inside
     * the bracket), 是指, 即, 包括, a colon.
     */
    private static final Pattern DEFINES = Pattern.compile("^[”\"’」]?(?:（[^）]{0,40}?、|\\([^)]{0,40}?、|是指|即|指的是|主要包括|包括|主要是|：|:)");

    private AnswerFinder() {
    }

    /**
     * The answer, or null when there is no passage.
     *
     * @param passages the scored sentences of the first clause hits, any order
     */
    public static Answer find(String question, List<Word> words, Set<QuestionWords.Intent> intents,
                              List<Double> numbers, List<Passage> passages) {
        if (passages.isEmpty()) {
            return null;
        }
        Set<String> pairs = bigrams(withoutQuestionWords(question));
        words.forEach(w -> w.forms().forEach(f -> pairs.addAll(bigrams(f)))); // 支委会 is also 支部委员会会议
        Asked asked = Asked.of(question, words, pairs, intents);
        Passage chosen = band(numbers, passages);
        boolean byBand = chosen != null;
        if (chosen == null && intents.isEmpty()) {
            chosen = defining(question, passages);
        }
        if (chosen == null) {
            chosen = first(passages, asked);
        }
        Part part = bestPart(chosen.sentence(), asked, byBand);
        if (asked.limit() != null && asked.subject() != null && part.value() != null && !byBand
                && !asked.limitedBy(part)) {
            // the question asks a limit of a body and this number is not one (正式党员7人以上的党支部 for 支部委员会最少
            // 几个人): the sentence is the nearest rule, no value
            return new Answer(chosen.sentence(), part.text(), null, null, chosen.clauseId(), chosen.docId(),
                    chosen.docTitle(), chosen.docNumber(), chosen.docStatus(), chosen.path(), List.of(),
                    "这条规定中的数字不是所问的" + (asked.limit().equals(Quantity.MAX) ? "上限" : "下限")
                            + "，收录的文件可能没有规定这一点。");
        }
        String value = part.value() == null ? null : part.value().label();
        List<Answer.Variant> variants = part.value() == null || byBand ? List.of()
                : variants(chosen, part, asked, question, passages);
        return new Answer(chosen.sentence(), part.text(), value,
                part.value() == null ? null : Values.literal(part.text(), part.value()),
                chosen.clauseId(), chosen.docId(),
                chosen.docTitle(), chosen.docNumber(), chosen.docStatus(), chosen.path(), variants);
    }

    /**
     * For a question asking what a term is or includes, the first clauses' first sentence (in rank order) that defines
     * or lists the term: the term followed by a bracketed 、-list, 是指, 即, 包括 or a colon (“六有六强”（有规范组织设置、
     * 有过硬…）), or preceded in its part by a 、-list (以支部设置标准化、组织生活正常化…为主要内容的党支部“五化”建设);
     * null when the question asks no such thing or no sentence does. The term is the quoted one, else the words
     * before the question form, or their longest ending of three characters or more that a sentence has.
     */
    static Passage defining(String question, List<Passage> passages) {
        Matcher asks = DEFINITION.matcher(question);
        if (!asks.find() || asks.start() < 2) {
            return null;
        }
        String before = question.substring(0, asks.start());
        Matcher quoted = QUOTED_TERM.matcher(before);
        String term = quoted.find() ? quoted.group(1) : before.replaceAll("[“”\"\\s]", "");
        for (Passage p : inRankOrder(passages)) {
            if (defines(p.sentence(), term)) {
                return p;
            }
        }
        return null;
    }

    /** The passages by their clause's rank, the best scored first within a clause. */
    private static List<Passage> inRankOrder(List<Passage> passages) {
        return passages.stream().sorted(Comparator.comparingInt(Passage::rank)
                .thenComparing(Comparator.comparingDouble(Passage::score).reversed())).toList();
    }

    private static boolean defines(String sentence, String term) {
        for (int start = 0; start + 3 <= term.length() || start == 0; start++) {
            String t = term.substring(start);
            int at = sentence.indexOf(t);
            if (t.length() < 2 || at < 0) {
                continue;
            }
            if (DEFINES.matcher(sentence.substring(at + t.length())).find()) {
                return true;
            }
            String part = sentence.substring(0, at);
            part = part.substring(Math.max(part.lastIndexOf('，'), part.lastIndexOf('。')) + 1);
            if (part.chars().filter(c -> c == '、').count() >= 2 && part.replaceAll("[“\"\\s]+$", "")
                    .matches(".*的[^、]{0,6}")) {
                return true;
            }
            return false; // the longest ending a sentence has is the term it speaks of
        }
        return false;
    }

    /** What the question asks with: its words (synonyms too), its character pairs, what kind of answer it wants. */
    record Asked(List<Word> words, Set<String> bigrams, Set<QuestionWords.Intent> intents, String limit,
                 String subject) {
        /**
         * The question's limit — {@link Quantity#MAX} when it asks the most (最多), {@link Quantity#MIN} the least
         * (最少, 不少于), else null — and the body the limit is of: the kind of the last body named before the
         * comparator (党小组 in 党小组最少几个人), null when none is.
         */
        static Asked of(String question, List<Word> words, Set<String> bigrams, Set<QuestionWords.Intent> intents) {
            Matcher most = MOST.matcher(question);
            Matcher least = LEAST.matcher(question);
            int mostAt = most.find() ? most.start() : Integer.MAX_VALUE;
            int leastAt = least.find() ? least.start() : Integer.MAX_VALUE;
            if (!intents.contains(QuestionWords.Intent.AMOUNT) || mostAt == leastAt) {
                return new Asked(words, bigrams, intents, null, null);
            }
            int at = Math.min(mostAt, leastAt);
            return new Asked(words, bigrams, intents, mostAt < leastAt ? Quantity.MAX : Quantity.MIN,
                    lastBody(question.substring(0, at)));
        }

        boolean wantsValue() {
            return !intents.isEmpty();
        }

        /** Whether a part states the limit asked for: a number with that comparator, of the body asked about. */
        boolean limitedBy(Part part) {
            if (limit == null || part.value() == null || part.value().quantity() == null
                    || !part.value().quantity().comparator().equals(limit) && part.value().quantity().upTo() == null) {
                return false; // a range (由3人至5人组成) states both the least and the most
            }
            if (subject == null) {
                return true;
            }
            // the body named last before the number governs it (党支部委员会由3人至5人组成，一般不超过7人); a body
            // after it is what the number qualifies (正式党员7人以上的党支部) — not a limit of that body
            String literal = Values.literal(part.text(), part.value());
            int inPart = Math.max(0, part.text().indexOf(literal));
            String before = part.upTo().substring(0, Math.max(0, part.upTo().lastIndexOf(part.text())))
                    + part.text().substring(0, inPart);
            // within its own statement: not a heading before it (党支部委员会。有正式党员7人以上的党支部)
            int statement = Math.max(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')),
                    Math.max(before.lastIndexOf('：'), before.lastIndexOf(';')));
            return subject.equals(lastBody(before.substring(statement + 1)));
        }
    }

    private static boolean exactLimit(Part part, Asked asked) {
        return part.value().quantity().comparator().equals(asked.limit());
    }

    /** Whether a word only asks for a limit (最少, 不超过): the question's form, not what it is about. */
    public static boolean asksLimit(String word) {
        return MOST.matcher(word).matches() || LEAST.matcher(word).matches();
    }

    /** The kind of the body named last in a text (the ending that ends last), or null. */
    static String lastBody(String text) {
        Matcher m = BODY.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group().equals("支委会") ? "委员会" : m.group();
        }
        return last;
    }

    /**
     * The first clause's sentence that answers: when the question asks how often or how much, its best sentence
     * stating such a value (a clause on 换届 may open with a sentence on 提前换届 and state the reminder's 3个月 in the
     * next); otherwise, or when none does, its best sentence.
     */
    private static Passage first(List<Passage> passages, Asked asked) {
        List<Passage> top = passages.stream().filter(p -> p.rank() == 1)
                .sorted(Comparator.comparingDouble(Passage::score).reversed()).toList();
        if (top.isEmpty()) {
            top = passages;
        }
        if (asked.limit() != null) {
            // a limit of the asked body, with the asked comparator, in any of the first clauses: the first clause
            // may state a limit of another body (党支部委员会由3人至5人组成 for 党小组最少几个人)
            for (Passage p : inRankOrder(passages)) {
                if (asked.limitedBy(bestPart(p.sentence(), asked, false))) {
                    return p;
                }
            }
        }
        if (asked.wantsValue()) {
            for (Passage p : top) {
                if (bestPart(p.sentence(), asked, false).value() != null) {
                    return p;
                }
            }
        }
        return top.get(0);
    }

    /**
     * A part of a sentence as written, the value it states of the kind asked for (or null; read with Chinese counts
     * as digits), how much wording it shares with the question, and the sentence up to its end (whose duty holder
     * and matter it states).
     */
    record Part(String text, Values.Found value, int shared, String upTo) {
    }

    /** The sentence of one of the first clauses whose band holds a number of the question, the best scored first. */
    private static Passage band(List<Double> numbers, List<Passage> passages) {
        if (numbers.isEmpty()) {
            return null;
        }
        return passages.stream().filter(p -> p.rank() <= BAND_UNITS)
                .filter(p -> numbers.stream().anyMatch(n -> Bands.contains(p.sentence(), n)))
                .max(Comparator.comparingDouble(Passage::score)).orElse(null);
    }

    /**
     * The part of a sentence that answers: one stating a value of the kind asked for, sharing most of the question's
     * words. A part that only states the band a question's number falls in (5000元以上至10000元) is the condition, not
     * the answer, when the sentence was chosen for that band.
     */
    static Part bestPart(String sentence, Asked asked, boolean byBand) {
        Part best = null;
        Matcher m = PART.matcher(sentence);
        while (m.find()) {
            String text = m.group().strip();
            if (text.isEmpty() || byBand && Bands.states(text)) {
                continue;
            }
            Values.Found value = valueOf(Values.foldCounts(text), asked.intents());
            Part part = new Part(text, value, shared(text, asked), sentence.substring(0, m.end()));
            if (best == null || better(part, best, asked)) {
                best = part;
            }
        }
        return best == null ? new Part(sentence, null, 0, sentence) : best;
    }

    private static boolean better(Part a, Part b, Asked asked) {
        if ((a.value() != null) != (b.value() != null)) {
            return a.value() != null;
        }
        if (asked.limitedBy(a) != asked.limitedBy(b)) { // 最多几个委员: a limit of the 委员会, not another number
            return asked.limitedBy(a);
        }
        if (asked.limitedBy(a) && exactLimit(a, asked) != exactLimit(b, asked)) { // 不超过7人 before 3人至5人
            return exactLimit(a, asked);
        }
        return a.shared() > b.shared();
    }

    /** Whether a sentence states a value of the kind the question asks for (see {@link #valueOf}). */
    public static boolean statesValue(String sentence, Set<QuestionWords.Intent> intents) {
        return valueOf(sentence, intents) != null;
    }

    /**
     * The value of the kind the question asks for: how often — a frequency, or else a time (提前3个月); how much — a
     * number, or else a frequency (几个月交一次 is answered by 每季度); none when it asks neither.
     */
    static Values.Found valueOf(String part, Set<QuestionWords.Intent> intents) {
        if (intents.contains(QuestionWords.Intent.FREQUENCY)) {
            Values.Found f = Values.findFrequency(part);
            if (f != null) {
                return f;
            }
            Values.Found time = Values.findQuantity(part, false);
            if (time != null && time.quantity().unit().matches("个月|年|天|小时")) {
                return time;
            }
        }
        if (intents.contains(QuestionWords.Intent.AMOUNT)) {
            Values.Found q = Values.findQuantity(part, true);
            return q != null ? q : Values.findFrequency(part);
        }
        return null;
    }

    private static List<Answer.Variant> variants(Passage answer, Part answerPart, Asked asked, String question,
                                                 List<Passage> passages) {
        Set<String> holders = new HashSet<>(DutyHolders.namedIn(question));
        holders.addAll(DutyHolders.namedIn(answerPart.upTo()));
        Set<String> matter = new HashSet<>(bigrams(answerPart.upTo()));
        matter.retainAll(asked.bigrams());
        // the question's words the answer's statement has, a compound also by its two-character halves (换届提醒:
        // 换届, 提醒): a variant states the same of the same, so it has them too (党支部书记…任期 3年 and 党支部书记…党龄
        // 1年以上 are not two terms; 上级党组织…提醒 3个月 and 党支部…报送换届请示 3个月 are not one reminder)
        List<Word> stated = stated(asked.words(), answerPart.text());
        Map<String, List<Passage>> byValue = new LinkedHashMap<>();
        Map<String, Values.Found> values = new LinkedHashMap<>();
        byValue.computeIfAbsent(answerPart.value().label(), v -> new ArrayList<>()).add(answer);
        values.put(answerPart.value().label(), answerPart.value());
        Set<String> docsSeen = new HashSet<>(List.of(answer.docId()));
        double top = passages.stream().mapToDouble(Passage::clauseScore).max().orElse(0);
        List<Passage> others = passages.stream()
                .filter(p -> p.rank() <= VARIANT_UNITS && p.clauseScore() >= VARIANT_SHARE * top)
                .sorted(Comparator.comparingDouble(Passage::score).reversed()).toList();
        for (Passage p : others) {
            if (docsSeen.contains(p.docId())) {
                continue; // one statement per document: its best sentence stating one
            }
            Part part = bestPart(p.sentence(), asked, false);
            if (part.value() == null || !part.value().comparable(answerPart.value())
                    || !holders.containsAll(DutyHolders.namedIn(part.text()))
                    || !sameMatter(part.upTo(), matter)
                    || !stated.stream().allMatch(w -> w.in(part.text()))) {
                continue; // no value of this kind, another duty holder's, about another matter or another act
            }
            docsSeen.add(p.docId());
            String label = part.value().label();
            byValue.computeIfAbsent(label, v -> new ArrayList<>()).add(p);
            values.putIfAbsent(label, part.value());
        }
        List<Answer.Variant> variants = new ArrayList<>();
        for (var e : byValue.entrySet()) {
            Values.Found v = values.get(e.getKey());
            boolean stricter = byValue.size() > 1 && values.values().stream()
                    .allMatch(other -> other == v || v.stricterThan(other));
            variants.add(new Answer.Variant(e.getKey(), stricter, e.getValue().stream().map(Answer.Source::of)
                    .toList()));
        }
        return variants;
    }

    /** The question's words a statement has, each compound of four or more characters also by its halves. */
    static List<Word> stated(List<Word> words, String statement) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            if (w.in(statement)) {
                out.add(w);
            }
            for (String form : w.forms()) {
                for (int i = 0; form.length() >= 4 && i + 2 <= form.length(); i += 2) {
                    String half = form.substring(i, i + 2);
                    if (statement.contains(half)) {
                        out.add(new Word(List.of(half), w.weight()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a statement is about the question's matter as the answer's is: it shares at least half of the
     * question's character pairs that the answer's statement shares (党员大会 … 每季度 and 党支部党员大会 … 每季度 are;
     * 每年至少召开1次组织生活会 is not).
     */
    private static boolean sameMatter(String statement, Set<String> matter) {
        if (matter.isEmpty()) {
            return true;
        }
        int shared = 0;
        for (String b : bigrams(statement)) {
            if (matter.contains(b)) {
                shared++;
            }
        }
        return 2 * shared >= matter.size();
    }

    /** The question without the words that only ask (多久, 怎么, 吗 …): what it is about. */
    static String withoutQuestionWords(String question) {
        String rest = question;
        List<String> words = new ArrayList<>(QuestionWords.get().words());
        words.sort(Comparator.comparingInt(String::length).reversed());
        for (String w : words) {
            if (w.length() > 1) {
                rest = rest.replace(w, " ");
            }
        }
        return rest;
    }

    static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        String folded = text.replaceAll("[^\\p{L}\\p{N}]+", " ");
        for (String piece : folded.split(" ")) {
            for (int i = 0; i + 2 <= piece.length(); i++) {
                out.add(piece.substring(i, i + 2));
            }
        }
        return out;
    }

    /**
     * How much of the question a part shares: its words (and their synonyms: 支委会 is 支部委员会会议) found in the
     * part count most, shared character pairs break ties.
     */
    private static int shared(String part, Asked asked) {
        int words = 0;
        for (Word w : asked.words()) {
            if (w.in(part)) {
                words++;
            }
        }
        int pairs = 0;
        for (String b : bigrams(part)) {
            if (asked.bigrams().contains(b)) {
                pairs++;
            }
        }
        return words * 1000 + pairs;
    }
}
