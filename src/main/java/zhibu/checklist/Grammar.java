package zhibu.checklist;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import zhibu.analysis.DomainDictionary;

/**
 * The grammar of a duty sentence, read from HanLP's words and parts of speech: where its predicate starts, who its
 * subject is (a noun phrase before the predicate, not inside a prepositional phrase or a 的-modifier), the agent
 * after 由, the partner after 与/同, whether the branch is what the verb acts on, and the conjuncts of a subject that
 * names several holders (支部委员会会议和党小组会议, 党员领导干部和党支部书记).
 */
final class Grammar {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> {
        DomainDictionary.load();
        return HanLP.newSegment().enableOffset(true);
    });
    /** Words that bind: the modal verbs of rules, 予以 (shall be given), and the prohibitions. */
    static final Set<String> MODALS = Set.of("应当", "应", "应该", "必须", "须", "要", "不得", "严禁", "一律", "不能",
            "不允许", "禁止", "予以", "务必", "均应", "都应", "需");
    /** Verbs HanLP tags as nouns that take people as objects: 审批预备党员, 发展党员, 培训党支部书记. */
    private static final Set<String> OBJECT_VERBS = Set.of("审批", "发展", "评议", "培训", "教育", "管理", "监督", "服务",
            "联系", "组织", "考察", "接收", "表彰", "处置");
    /** Words that begin with 应 but bind nothing. */
    private static final Set<String> NOT_MODAL = Set.of("应用", "应对", "应急", "应届", "应邀", "应征", "应有", "应建",
            "应付", "应聘", "须知");
    /** Verbs that make their object do the next verb (督促各党支部开展…): what follows is the object's to do. */
    private static final Set<String> PIVOTS = Set.of("督促", "指导", "要求", "推动", "帮助", "引导", "动员");
    /** Prepositions that open a phrase whose noun is no subject. */
    private static final Pattern PREPOSITION = Pattern.compile("p.*");
    /** Verbs of something that happens to the subject (出现空缺, 发生变动): the clause is a condition of the next. */
    private static final Set<String> EVENTS = Set.of("出现", "发生", "遇到", "遇有", "存在");
    private static final Set<String> CONJUNCTIONS = Set.of("和", "及", "以及", "或者", "与", "或", "、");
    /** Prepositions that mark an argument of the main verb, never inside a 的-clause before a noun. */
    private static final Set<String> ARGUMENT_MARKERS = Set.of("对", "对于", "把", "将", "向", "由", "经", "根据", "按照",
            "依据", "结合", "围绕", "通过", "针对");
    /** Verbs HanLP often tags as nouns (组织党员…): as a phrase's first word, they are its verb. */
    private static final Set<String> CAUSATIVES = Set.of("组织", "教育", "引导", "督促", "动员", "帮助", "指导", "监督",
            "服务", "关心", "联系", "培训");

    /** One word with its part of speech and where it stands. */
    record Word(String text, String pos, int start, int end) {
        boolean verb() {
            return pos.startsWith("v") && !pos.equals("vn") && !text.endsWith("的"); // HanLP's 中的/v is 中 + 的
        }

        /** A modal, or one fused with its verb in a single word (应报上级党组织批准: 应报 is 应 + 报). */
        boolean modal() {
            return MODALS.contains(text) || text.length() == 2 && (text.charAt(0) == '应' || text.charAt(0) == '须')
                    && !NOT_MODAL.contains(text) && (pos.startsWith("v") || pos.equals("nz"));
        }

        boolean nominal() {
            return pos.startsWith("n") || pos.equals("b") || pos.equals("vn") || pos.equals("f") && text.equals("之间");
        }

        boolean preposition() {
            return PREPOSITION.matcher(pos).matches() || text.equals("对") || text.equals("把") || text.equals("将")
                    || text.equals("对于");
        }

        boolean punctuation() {
            return pos.equals("w");
        }
    }

    /** A noun phrase in a text, and the actor it names (null: a thing, a meeting, a number of people). */
    record Phrase(int start, int end, String text, Actors.Actor actor) {
    }

    /** The words of a text. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (Term t : SEGMENT.get().seg(text)) {
            words.add(new Word(t.word, t.nature == null ? "x" : t.nature.toString(), t.offset,
                    t.offset + t.word.length()));
        }
        return words;
    }

    private Grammar() {
    }

    /** Where the predicate of a comma part starts: its first verb, modal, adverb or time word outside a 的-modifier. */
    static int predicateStart(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.verb() && i + 1 < words.size() && words.get(i + 1).text().equals("地") && i + 2 < words.size()
                    && (words.get(i + 2).nominal() || words.get(i + 2).pos().startsWith("c"))) {
                continue; // 流出地和流入地党组织: 流出 + 地 is a place, no verb
            }
            // a verbal noun opening the text is its verb (组织党员…, 建立…); before another verb, one of a pair (指导和督促)
            boolean starts = w.verb() || w.modal() || w.pos().startsWith("d") || w.pos().equals("ad")
                    || w.pos().equals("t") || w.pos().equals("vn") && verbNext(words, i)
                    || i == 0 && CAUSATIVES.contains(w.text())
                    || i == 0 && w.pos().equals("a") && i + 1 < words.size() && (words.get(i + 1).nominal()
                    || words.get(i + 1).pos().equals("m")) // 明确1名信息采集员, 健全…制度: an adjective as verb
                    || w.pos().equals("vn") && OBJECT_VERBS.contains(w.text()) && i + 1 < words.size()
                    && Actors.get().of(words.get(i + 1).text()) != null
                    || w.text().equals("每"); // 每届任期一般为3年: a quantified time opens the predicate
            if (starts && (w.modal() || w.text().equals("是") || actorBefore(words, i) || !insideModifier(words, i))) {
                return i;
            }
        }
        return words.size();
    }

    /** Whether the words before a verb name an actor (党支部或党小组 | 开展党的活动): then it is the predicate. */
    private static boolean actorBefore(List<Word> words, int i) {
        if (i == 0 || !words.get(i).verb() || !words.get(i - 1).nominal()) {
            return false;
        }
        StringBuilder before = new StringBuilder();
        for (int j = 0; j < i; j++) {
            if (words.get(j).preposition()) {
                return false; // 党支部根据上级党组织确定的主题: 确定 is in the phrase of 根据
            }
            before.append(words.get(j).text());
        }
        return Actors.get().of(before.toString()) != null;
    }

    /** Whether a verb follows a verbal noun, directly or after 和 (指导和督促): then the noun is a verb too. */
    private static boolean verbNext(List<Word> words, int i) {
        int j = i + 1;
        if (j < words.size() && CONJUNCTIONS.contains(words.get(j).text())) {
            j++;
        }
        return j < words.size() && words.get(j).verb();
    }

    /**
     * Whether a preposition stands in a 的-clause that modifies the noun ending the text (党的关系在地方的党委), not
     * in a phrase of its own (以当月实际领取的薪酬收入为计算基数).
     */
    private static boolean relativeClause(List<Word> words, int i) {
        if (ARGUMENT_MARKERS.contains(words.get(i).text())) {
            return false; // 对, 把, 向 … mark what the main verb acts on: 上级党组织对任期将满的党支部
        }
        for (int j = i + 1; j < words.size(); j++) {
            Word w = words.get(j);
            if (w.punctuation() && !w.text().equals("、")) {
                return false;
            }
            if (w.text().equals("的")) { // …的 [nouns] to the end of the part, no predicate after: a relative clause
                for (int k = j + 1; k < words.size() && !words.get(k).punctuation(); k++) {
                    Word after = words.get(k);
                    if (after.verb() || after.modal() || after.pos().startsWith("d") || after.pos().startsWith("p")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Whether a word belongs to a 的-phrase that modifies a noun after it (具有审批权限的基层党委, 不设支部委员会的书记). */
    private static boolean insideModifier(List<Word> words, int i) {
        if (i == 0 && words.get(i).pos().equals("t")) {
            return false; // 每年至少…: a time opens the predicate
        }
        for (int j = i + 1; j < words.size(); j++) {
            Word w = words.get(j);
            if (w.punctuation() && !w.text().equals("、") || w.preposition() && j > i + 1) {
                return false; // a phrase of its own starts: 可以根据…党的建设需要 is no modifier of 可以
            }
            if (w.text().endsWith("的") && j + 1 < words.size() && words.get(j + 1).nominal()) {
                // …的 + the noun it modifies, then the predicate or the part's end: 具有…权限的基层党委建立…
                int k = j + 1;
                while (k < words.size() && (words.get(k).nominal() || words.get(k).pos().equals("nz")
                        || words.get(k).pos().equals("udeng") || words.get(k).text().endsWith("的"))) {
                    k++;
                }
                if (k == words.size()) {
                    return true;
                }
                Word after = words.get(k);
                return after.punctuation() || after.verb() || after.modal() || after.pos().startsWith("d")
                        || after.pos().equals("ad") || after.pos().equals("t") || after.text().matches("为|是");
            }
            if (w.modal()) {
                return false;
            }
        }
        return false;
    }


    /**
     * The subject of a comma part: the noun phrase before its predicate, outside a prepositional phrase; null when
     * the part starts with its predicate (the subject is left out) or with a preposition. {@code agent} gives the
     * noun after 由 instead when there is one (应当由基层党委建立 …): the one who acts.
     */
    static Phrase subject(String part) {
        List<Word> words = words(part);
        int predicate = predicateStart(words);
        Phrase agent = agent(part, words);
        if (agent != null) {
            return agent;
        }
        for (int i = 0; i < predicate; i++) {
            if (words.get(i).preposition() && !relativeClause(words, i)) {
                predicate = i; // 上级党组织对…党支部: the subject ends where the prepositional phrase starts
                break;
            }
        }
        if (predicate == 0) {
            return null; // 对…党员，按照…, or the predicate itself: no subject here
        }
        for (int k = 1; k < predicate; k++) {
            Word w = words.get(k);
            if (w.punctuation() && !w.text().equals("、")) {
                if (nounPhrase(part.substring(0, w.start()))) {
                    predicate = k; // 按月领取工资的党员，每月以…为计算基数: the topic ends at its comma
                }
                break;
            }
        }
        int end = words.get(predicate - 1).end();
        String np = part.substring(0, end).strip();
        Word first = words.get(0);
        if (!np.contains("的") && !(first.nominal() || first.pos().startsWith("r") || first.pos().equals("m")
                || first.pos().equals("nz")) && predicate == 2 && Actors.get().of(words.get(1).text()) != null) {
            return null; // 畅通党员参与…: a verb or an adjective, then the person it acts on
        }
        return np.isEmpty() ? null : new Phrase(0, end, np, Actors.get().of(np));
    }

    /** The noun phrase after 由 that the verb after it has as its agent, if any. */
    static Phrase agent(String part, List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).text().equals("由")) {
                continue;
            }
            int start = words.get(i).end();
            for (int j = i + 1; j < words.size(); j++) {
                Word w = words.get(j);
                if (w.verb() && !insideModifier(words, j)) {
                    String np = part.substring(start, w.start());
                    // of 所在党支部或者上级党组织, the first one named acts
                    for (String one : np.split("或者|或|和|、")) {
                        Actors.Actor a = Actors.get().of(one);
                        if (a != null) {
                            return new Phrase(start, w.start(), np, a);
                        }
                    }
                    // 由原就读高校或者工作单位党组织保留…: 就读 is inside the phrase; the agent ends at a later verb
                }
            }
        }
        return null;
    }

    /**
     * Whether the verbs of a text act on the branch itself (提醒…党支部, 对未达标的党支部, 撤销党支部): then someone
     * above the branch acts. A branch named as a partner (与…党支部结对) or as a modifier (党支部建设) is none.
     */
    static boolean actsOnBranch(String text) {
        List<Word> words = words(text);
        boolean afterVerb = false;
        boolean inPhrase = false;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.punctuation() && !w.text().equals("、")) {
                inPhrase = false;
                afterVerb = false; // 其他单位党组织配备…: a new part names its own doer
            }
            if (w.verb() || w.modal()) {
                afterVerb = true;
            }
            if (w.text().equals("对") || w.text().equals("把") || w.text().equals("将")) {
                inPhrase = true;
            }
            if ((afterVerb || inPhrase) && isBranch(w.text()) && !partner(words, i) && headOfPhrase(words, i)) {
                return true;
            }
        }
        return false;
    }

    /** The branch, or its secretary or committee named as the branch's (党支部书记, 支部班子): acted on, not acting. */
    private static boolean isBranch(String word) {
        Actors.Actor a = Actors.get().of(word);
        return a != null && (a.duty() == Duty.BRANCH && a.organ()
                || (a.duty() == Duty.SECRETARY || a.duty() == Duty.COMMITTEE) && (word.contains("支部")
                || word.endsWith("书记")));
    }

    /** Whether a verb of the text has the branch's members as its object (组织党员集中轮训, 培训党支部书记). */
    static boolean actsOnMembers(String text) {
        List<Word> words = words(text);
        for (int i = 1; i < words.size(); i++) {
            Actors.Actor a = Actors.get().of(words.get(i).text());
            Word before = words.get(i - 1);
            if (a != null && a.branchLevel() && a.duty() != Duty.BRANCH && (before.verb() || before.text().equals("对")
                    || before.text().matches("组织|培训|教育")) && (headOfPhrase(words, i) || words.get(i + 1).verb())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The actor that does the verb of a subject's 的-modifier (党员交纳党费的比例: members pay), if the phrase opens
     * with one followed by its verb.
     */
    static Actors.Actor modifierAgent(String phrase) {
        List<Word> words = words(phrase);
        if (words.size() < 3 || !phrase.contains("的")) {
            return null;
        }
        Actors.Actor a = Actors.get().of(words.get(0).text());
        Word next = words.get(1);
        return a != null && (next.verb() || next.pos().equals("nz") && words.get(2).text().equals("的")) ? a : null;
    }

    /** Whether a text has no predicate outside its modifiers: a noun phrase. */
    static boolean nounPhrase(String text) {
        List<Word> words = words(text);
        return !words.isEmpty() && predicateStart(words) == words.size();
    }

    /** The words a clause takes after verbs of striving (力争每个党支部有…): the subject of that clause, if any. */
    static Phrase embeddedSubject(String part) {
        List<Word> words = words(part);
        if (words.isEmpty() || !words.get(0).text().matches("力争|确保|保证|做到|实现|使")) {
            return null;
        }
        int start = words.get(0).end();
        int end = start;
        for (int j = 1; j < words.size() && (words.get(j).nominal() || words.get(j).pos().startsWith("r")
                || words.get(j).pos().equals("m") && words.get(j).text().startsWith("每")); j++) {
            end = words.get(j).end();
        }
        Actors.Actor a = end > start ? Actors.get().of(part.substring(start, end)) : null;
        return a == null ? null : new Phrase(start, end, part.substring(start, end), a);
    }

    /**
     * Whether a word ends its noun phrase (党支部 in 所属党支部, not in 党支部建设 or 党支部的), and is no subject of a
     * clause that modifies a noun after it (党组织开展的志愿服务活动).
     */
    private static boolean headOfPhrase(List<Word> words, int i) {
        if (i + 1 >= words.size()) {
            return true;
        }
        Word next = words.get(i + 1);
        if (next.text().matches("每|各") && i + 2 < words.size() && words.get(i + 2).text().matches("名|个|位")) {
            return false; // 核准支部每名党员入党的日期: the branch's members, not the branch
        }
        if (next.verb()) { // 支部讲评、上级点评…的步骤: a list of steps, of which the branch is one doer
            for (int j = i + 2; j < words.size() && (!words.get(j).punctuation() || words.get(j).text().equals("、"));
                 j++) {
                if (words.get(j).text().equals("的")) {
                    return false;
                }
            }
        }
        return !next.nominal() && !next.text().equals("的");
    }

    /** Whether the word at i is a partner: after 与, 同, 和 (with) following a verb-less stretch. */
    private static boolean partner(List<Word> words, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 8; j--) {
            Word w = words.get(j);
            if (w.text().matches("与|同|和|跟|向|在|到|给|为")) {
                return true; // with, towards, at, for the branch: it does not undergo the act
            }
            if (w.verb() || w.punctuation()) {
                return false;
            }
        }
        return false;
    }

    /**
     * The actor a pivot verb hands the act to (各级党委指导和督促各党支部每年开展1次自查自纠: the 党支部), when the
     * pivot's object stands before {@code anchor}; null otherwise.
     */
    static Phrase pivot(String text, int anchor) {
        List<Word> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.start() >= anchor) {
                break;
            }
            if (!PIVOTS.contains(w.text())) {
                continue;
            }
            int j = i + 1;
            while (j < words.size() && (CONJUNCTIONS.contains(words.get(j).text()) || PIVOTS.contains(words.get(j).text()))) {
                j++;
            }
            int start = j < words.size() ? words.get(j).start() : text.length();
            int end = start;
            while (j < words.size() && (words.get(j).nominal() || words.get(j).pos().startsWith("r"))) {
                end = words.get(j).end();
                j++;
            }
            if (end > start && end <= anchor) {
                Actors.Actor a = Actors.get().of(text.substring(start, end));
                if (a != null && a.branchLevel()) {
                    return new Phrase(start, end, text.substring(start, end), a);
                }
            }
        }
        return null;
    }

    /** The actor after 与/同/跟 (or 和 before 之间) in a text: who the duty is done with. */
    static Actors.Actor partnerIn(String text) {
        List<Word> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            String t = words.get(i).text();
            if (t.equals("与") || t.equals("同") || t.equals("跟")) { // 和 joins what is done, not with whom
                // the longest run of words after it that names someone: 与所联系的党员, 同党员 (谈心谈话 is the act)
                StringBuilder np = new StringBuilder();
                Actors.Actor found = null;
                for (int j = i + 1; j < words.size() && !words.get(j).punctuation() && !words.get(j).modal(); j++) {
                    np.append(words.get(j).text());
                    Actors.Actor a = Actors.get().of(np.toString());
                    if (a != null) {
                        found = a;
                    }
                    if (j - i > 6) {
                        break;
                    }
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }


    /** Words that end a condition or circumstance of what follows: …的, …时, …后, 在…中, …者. */
    private static final Set<String> CONDITION_WORDS = Set.of("的", "时", "后", "前", "期间", "之际", "中", "者",
            "以后", "以前", "时候", "之后", "之前");

    /** Whether a text ends with a word that makes it a condition (出现空缺的, 任期中), as a word (not 学时). */
    static boolean endsAsCondition(String text) {
        List<Word> words = words(text);
        for (int i = words.size() - 1; i >= 0; i--) {
            Word w = words.get(i);
            if (!w.punctuation()) {
                return CONDITION_WORDS.contains(w.text()) || w.pos().equals("ude1");
            }
        }
        return false;
    }

    /** Whether a comma part says that something happens to its subject (委员出现空缺): a condition, not a duty. */
    static boolean event(String part) {
        for (Word w : words(part)) {
            if (EVENTS.contains(w.text())) {
                return true;
            }
            if (w.modal()) {
                return false;
            }
        }
        return false;
    }

    /**
     * The conjuncts of a subject phrase: 党员领导干部和党支部书记 → 党员领导干部, 党支部书记; 党支部委员之间、党支部委员和
     * 党员之间 → the two 之间-phrases whole (who talks with whom); pieces that name no one keep to the one before.
     * Offsets are within the phrase.
     */
    static List<Phrase> conjuncts(String phrase) {
        List<Phrase> out = new ArrayList<>();
        int pos = 0;
        for (String piece : phrase.split("、", -1)) {
            int start = pos;
            pos += piece.length() + 1;
            if (piece.endsWith("之间")) {
                String first = piece.replace("之间", "").split("和|与|同")[0];
                out.add(new Phrase(start, start + piece.length(), piece, Actors.get().of(first)));
                continue;
            }
            int at = start;
            for (String part : piece.split("(?<=[^的])(和|及|以及|或者)(?=[^的])", -1)) {
                int partStart = phrase.indexOf(part, at);
                at = partStart + part.length();
                out.add(new Phrase(partStart, partStart + part.length(), part, Actors.get().of(part)));
            }
        }
        return out;
    }
}
