package zhibu.checklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zhibu.analysis.DomainDictionary;

/**
 * Who a requirement can bind (actors.tsv), found at the head of a noun phrase: Chinese compounds and 的-phrases are
 * head-final, so 具有审批预备党员权限的基层党委 is a 基层党委, 市属高校党委 a 党委, 正式党员人数 no one (a number of
 * people), and a post takes the level of the body named before it (党委书记 above the branch, 村党组织书记 the branch's
 * secretary).
 */
final class Actors {
    /** Who a phrase names: as written, whose duty that is, and whether a person, a leading cadre, an organ. */
    record Actor(String name, Duty duty, String kind) {
        boolean leader() {
            return kind.equals("leader");
        }

        boolean organ() {
            return kind.equals("organ");
        }

        /** Whether the branch, its committee, secretary, groups or members hold it (else a body above, or the unit). */
        boolean branchLevel() {
            return duty != Duty.HIGHER;
        }

        /** A branch-level actor one level up: a member's matter is its branch's to deal with. */
        Actor above() {
            return duty == Duty.MEMBER || duty == Duty.GROUP ? BRANCH : new Actor("上级党组织", Duty.HIGHER, "organ");
        }
    }

    static final Actor BRANCH = new Actor("党支部", Duty.BRANCH, "organ");
    static final Actor HIGHER = new Actor("上级党组织", Duty.HIGHER, "organ");
    static final Actor UNIT = new Actor("单位", Duty.HIGHER, "organ");

    private final Map<String, Actor> byName = new HashMap<>();
    private final List<String> longestFirst;

    private Actors() {
        for (String line : DomainDictionary.dataLines("actors.tsv")) {
            String[] f = line.split("\t");
            String holder = f[1].strip();
            Duty duty = holder.equals("unit") ? Duty.HIGHER : Duty.ofLabel(holder);
            byName.put(f[0].strip(), new Actor(f[0].strip(), duty, f[2].strip()));
        }
        longestFirst = byName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static final Actors INSTANCE = new Actors();

    static Actors get() {
        return INSTANCE;
    }

    /** Every name, longest first. */
    List<String> names() {
        return longestFirst;
    }

    /**
     * The actor a noun phrase names, by its head: the longest name that ends the phrase (after its last 的), a post
     * taking the level of the body before it; null when the phrase ends in something else (人数, 经费, 党员大会).
     */
    Actor of(String phrase) {
        String written = phrase.strip().replaceAll("[“”\"《》]", "").replaceAll("之间$", "");
        int de = written.lastIndexOf('的');
        if (de >= 0) {
            written = written.substring(de + 1);
        }
        String[] either = written.split("或者|或(?!缺)");
        if (either.length > 1 && !either[0].isEmpty()) {
            return of(either[0]); // 党支部或党小组: the first named holds it (either may do it)
        }
        written = written.replaceAll("[（(][^（()）]*[）)]$", ""); // 各级党委（党组） is a 党委
        boolean allLevels = written.startsWith("各级"); // 各级机关党组织: the bodies above, at every level
        String p = written.replaceAll("^(各级|各|每个|每名|所在|所属|本|该|有关|其所在)", "");
        if (!byName.containsKey(p) && endsWithActivity(p)) {
            return null; // 发展党员, 民主评议党员, 组织党员: an act on members, not a holder
        }
        for (String name : longestFirst) {
            if (p.endsWith(name)) {
                Actor a = byName.get(name);
                if (!a.kind().equals("role")) {
                    return allLevels && a.organ() ? new Actor(written, Duty.HIGHER, "organ") : named(a, written);
                }
                Actor organ = organBefore(p.substring(0, p.length() - name.length()));
                if (organ == null) {
                    return named(a, written);
                }
                // a post of a body above is that body's (党委书记); of a committee a member of it (支部委员 → committee)
                Duty duty = organ.duty() == Duty.HIGHER ? Duty.HIGHER : organ.duty() == Duty.GROUP ? Duty.GROUP
                        : a.duty();
                return new Actor(written, duty, duty == Duty.HIGHER ? "organ" : "role");
            }
        }
        return null;
    }

    /**
     * Whether a phrase ends in a word of the domain dictionary that is an act on an actor (发展党员, 民主评议党员): the
     * part before the actor's name is a verb.
     */
    private boolean endsWithActivity(String phrase) {
        List<Grammar.Word> words = Grammar.words(phrase);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.getLast().text();
        if (byName.containsKey(last)) {
            return false;
        }
        for (String name : longestFirst) {
            if (last.endsWith(name) && last.length() > name.length()) {
                List<Grammar.Word> head = Grammar.words(last.substring(0, last.length() - name.length()));
                return !head.isEmpty() && head.get(0).pos().startsWith("v");
            }
        }
        return false;
    }

    /** The same actor as the phrase writes it (村党组织, 高校党委), for the item to show. */
    private static Actor named(Actor a, String phrase) {
        return phrase.length() <= a.name().length() + 6 ? new Actor(phrase, a.duty(), a.kind()) : a;
    }

    /**
     * The body a post belongs to: a body above named anywhere before it (机关党委（总支）班子成员 is of the 机关党委),
     * else the body the text ends with (党支部 in 党支部书记), if any.
     */
    private Actor organBefore(String text) {
        String t = text.replaceAll("[、，（）()和及]+$", "");
        for (int[] span : spans(t)) {
            Actor a = byName.get(t.substring(span[0], span[1]));
            if (a != null && a.organ() && a.duty() == Duty.HIGHER) {
                return a;
            }
        }
        for (String name : longestFirst) {
            Actor a = byName.get(name);
            if (a.organ() && t.endsWith(name)) {
                return a;
            }
        }
        return null;
    }

    /** Every actor name in a text with where it stands, longest first and not overlapping, in text order. */
    List<int[]> spans(String text) {
        return zhibu.core.NameMatches.in(text, longestFirst).stream().map(m -> new int[] {m.start(), m.end()}).toList();
    }
}
