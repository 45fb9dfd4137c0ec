package zhibu.library;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zhibu.analysis.DomainDictionary;
import zhibu.core.Case;
import zhibu.core.Clause;

/**
 * Completions for what a user has typed: terms of the domain dictionary, clause headings and case topics, matched
 * by Chinese prefix or by pinyin, full or initials ({@code shyk}, {@code sanhui} → 三会一课). Terms the corpus uses
 * more come first.
 */
public final class Suggester {
    public static final int MAX = 10;
    private static final int MAX_HEADING = 14;

    private record Entry(String term, String pinyin, String initials, int uses) {
    }

    private volatile List<Entry> entries = List.of();

    public Suggester(Library library) throws IOException {
        refresh(library);
    }

    /** Rebuilds the vocabulary from the index (after documents were added or removed). */
    public void refresh(Library library) throws IOException {
        Map<String, Integer> uses = new LinkedHashMap<>();
        DomainDictionary.terms().forEach(t -> uses.put(t, 0));
        List<String> texts = new ArrayList<>();
        for (var doc : library.documents()) {
            for (Clause c : library.clausesOf(doc.id())) {
                texts.add(c.text());
                if (c.heading() != null && c.heading().length() >= 2 && c.heading().length() <= MAX_HEADING) {
                    uses.putIfAbsent(c.heading(), 0);
                }
            }
        }
        for (Case c : library.cases()) {
            texts.add(c.text());
            c.topics().forEach(t -> uses.putIfAbsent(t, 0));
        }
        List<Entry> built = new ArrayList<>();
        for (String term : uses.keySet()) {
            int n = 0;
            for (String text : texts) {
                if (text.contains(term)) {
                    n++;
                }
            }
            List<Pinyin> pinyin = HanLP.convertToPinyinList(term);
            StringBuilder full = new StringBuilder();
            StringBuilder initials = new StringBuilder();
            for (int i = 0; i < pinyin.size(); i++) {
                Pinyin p = pinyin.get(i);
                char c = term.charAt(i);
                if (p == Pinyin.none5) { // not a Chinese character: keep it as typed
                    full.append(Character.toLowerCase(c));
                    initials.append(Character.toLowerCase(c));
                } else {
                    full.append(p.getPinyinWithoutTone());
                    initials.append(p.getFirstChar());
                }
            }
            built.add(new Entry(term, full.toString().replace("ü", "v"), initials.toString(), n));
        }
        built.sort(Comparator.comparingInt(Entry::uses).reversed().thenComparingInt(e -> e.term().length()));
        entries = List.copyOf(built);
    }

    public List<String> suggest(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int pass = 0; pass < 3 && out.size() < MAX; pass++) {
            for (Entry e : entries) {
                if (out.size() >= MAX) {
                    break;
                }
                boolean hit = switch (pass) {
                    case 0 -> e.term().toLowerCase(Locale.ROOT).startsWith(q);
                    case 1 -> e.initials().startsWith(q) || e.pinyin().startsWith(q);
                    default -> q.length() >= 2 && e.term().contains(q);
                };
                if (hit && !out.contains(e.term())) {
                    out.add(e.term());
                }
            }
        }
        return out;
    }
}
