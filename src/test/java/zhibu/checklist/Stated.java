package zhibu.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import zhibu.core.Values;
import zhibu.eval.ChecklistGold;

/**
 * How a checklist item's text stands to the sentences of its sources. It must be one of them, or a piece of one (from
 * a comma or semicolon on) that reads on its own — it opens neither with a word that leans on what came before
 * (特别是, 并, 同时) nor with a modal whose subject is missing (应当具备…) — or one of them with the subject it leaves out
 * written in (停止党籍2年后…的，党支部按照…) or what its subject is of, from its heading (三会一课执行情况…), or with one holder of a coordinated subject (党员领导干部和党支部书记每年… →
 * 党支部书记每年…; 党的支部委员会和不设支部委员会的支部书记、副书记，每届… → 不设支部委员会的支部书记、副书记，每届…).
 * Anything else is a fragment, or text the sources do not hold.
 */
final class Stated {
    /** The names a checklist writes in where a sentence leaves its subject out. */
    static final List<String> WRITTEN_IN = List.of("党支部书记", "支部委员会", "党支部", "党小组", "党员");
    /** A holder named as a meeting or a pair (支部委员会会议, 党员和党员之间), where no actor's name is the head. */
    private static final Pattern HOLDER_PHRASE = Pattern.compile("(会议|小组会|之间|副书记)$");
    /** A piece that opens with its predicate, after a condition (停止党籍2年后…的，[党支部]按照…): a subject goes there. */
    private static final Pattern PREDICATE = Pattern.compile("^(应当|应|要|须|必须|一般|按照|及时|予以|每)");

    /** What joins coordinated subjects. */
    private static final Pattern COORDINATION = Pattern.compile("和|及|与");
    /** What may stand before a subject without being part of the duty (特别是新提名的…书记人选，应…). */
    private static final Pattern LEADING = Pattern.compile("^(特别是|尤其是|其中|同时)$");

    private Stated() {
    }

    /** A text without spaces and punctuation, its Chinese counts as digits, except the 、 of coordination. */
    static String fold(String s) {
        return Values.foldCounts(s).replace("**", "").replaceAll("[\\s\\p{P}&&[^、]]", "");
    }

    /** Why a text is not a whole requirement of its sources, or null when it is. */
    static String why(String text, List<ChecklistItem.Source> sources) {
        String t = fold(text).replace("、", "");
        if (ChecklistGold.FRAGMENT.matcher(text).find()) {
            return "opens with a word that leans on what came before";
        }
        String found = "not a sentence of its sources";
        for (ChecklistItem.Source source : sources) {
            String clause = Values.foldCounts(source.text()).replace("**", "");
            for (String sentence : clause.split("(?<=[。！？])")) {
                String raw = sentence.strip().replaceFirst("^(?:[（(]?\\d+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、|——)\\s*", "");
                String withCommas = fold(raw);
                String s = withCommas.replace("、", "");
                if (s.isEmpty()) {
                    continue;
                }
                if (s.equals(t)) {
                    return null;
                }
                List<Integer> starts = pieceStarts(raw);
                int at = s.indexOf(t);
                if (at >= 0) {
                    if (starts.contains(at) || leading(s, starts, at)) {
                        return null;
                    }
                    found = "cut inside a sentence";
                }
                for (String heading : source.path()) { // what the sentence's subject is of: its heading, written in
                    String h = fold(heading.replaceFirst("^(?:[（(]?\\d+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、)\\s*", ""))
                            .replace("、", "");
                    String without = t.startsWith(h) ? t.substring(h.length()) : "";
                    if (!h.isEmpty() && !without.isEmpty() && s.contains(without)
                            && starts.contains(s.indexOf(without))) {
                        return null;
                    }
                }
                for (String name : WRITTEN_IN) { // the subject the sentence leaves out, written in where a piece starts
                    for (int i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) {
                        String without = t.substring(0, i) + t.substring(i + name.length());
                        int from = s.indexOf(without);
                        if (!without.isEmpty() && from >= 0 && starts.contains(from) && (i == 0
                                || starts.contains(from + i) || opensPredicate(without.substring(i)))) {
                            return null;
                        }
                    }
                }
                boolean coordinated = raw.contains("、") || COORDINATION.matcher(raw).find();
                int shared = 0; // 机关不设…的总支部委员会、支部委员会… → 机关不设…的支部委员会…: what qualifies both, kept
                while (shared < Math.min(s.length(), t.length()) && s.charAt(shared) == t.charAt(shared)) {
                    shared++;
                }
                if (coordinated && shared >= 2 && t.length() - shared >= 4) {
                    String rest = t.substring(shared, shared + 4);
                    if (withCommas.contains("、" + rest) || withCommas.contains("和" + rest)) {
                        return s.indexOf(t.substring(shared), shared) > shared ? null : found;
                    }
                }
                for (int k = 2; coordinated && k + 4 <= t.length(); k++) { // one holder of a coordinated subject
                    String holder = t.substring(0, k);
                    if (Actors.get().of(holder) == null && !HOLDER_PHRASE.matcher(holder).find()) {
                        continue; // 召开1次组织生活会和… is no holder
                    }
                    int j = s.indexOf(t.substring(k));
                    if (j > 0 && s.substring(0, j).contains(holder)) {
                        return null;
                    }
                }
            }
        }
        return found;
    }

    private static boolean opensPredicate(String rest) {
        return PREDICATE.matcher(rest).find();
    }

    /** Whether only a word like 特别是 stands between a piece's start and a position. */
    private static boolean leading(String s, List<Integer> starts, int at) {
        int start = starts.stream().filter(x -> x <= at).max(Integer::compare).orElse(0);
        return LEADING.matcher(s.substring(start, at)).matches();
    }

    /** Where each comma or semicolon piece of a sentence starts, counted in its folded text without 、. */
    private static List<Integer> pieceStarts(String raw) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        for (String piece : raw.split("(?<=[，,；;：])")) {
            starts.add(at);
            at += fold(piece).replace("、", "").length();
        }
        return starts;
    }
}
