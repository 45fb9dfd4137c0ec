package zhibu.library;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import zhibu.analysis.DomainDictionary;
import zhibu.core.Background;
import zhibu.index.IndexFields;

/**
 * Completions for what a user has typed: terms of the domain dictionary, clause headings and case topics, matched
 * by Chinese prefix or by pinyin, full or initials ({@code shyk}, {@code sanhui} → 三会一课). Terms the corpus uses
 * more come first.
 */
public final class Suggester {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Suggester.class);

    public static final int MAX = 10;

    private record Entry(String term, String pinyin, String initials, int uses) {
    }

    /** The longest a suggestion waits for the vocabulary's first build. */
    private static final long FIRST_BUILD_WAIT_SECONDS = 60;

    private volatile List<Entry> entries = List.of();
    private final java.util.concurrent.CountDownLatch firstBuild = new java.util.concurrent.CountDownLatch(1);
    /** The words of a term as the index cut them. */
    private final Analyzer words;

    /** A suggester with no vocabulary yet: {@link #refresh} or {@link #refreshInBackground} builds it. */
    public Suggester(Library library) {
        this.words = library.index().analyzer().indexAnalyzer();
    }

    /**
     * Builds the vocabulary in the background, so that a server listens before it is built (at start it was a
     * fifth of the time to the first answer); suggestions asked for meanwhile wait for it.
     */
    public void refreshInBackground(Library library) {
        Background.run(() -> {
            try {
                refresh(library);
            } catch (IOException | RuntimeException e) {
                // no suggestions until the next refresh
                LOG.warn("the suggestions could not be built: {}", e.toString(), e);
            } finally {
                firstBuild.countDown();
            }
        });
    }

    /**
     * Rebuilds the vocabulary from the index's term dictionaries (after documents were added or removed): the
     * domain terms, the short clause headings and the case topics, each counted by the clauses and cases that use
     * its words (the rarest word's count). It reads no stored record, so it takes as long for a thousand times the
     * corpus as for the corpus.
     */
    public synchronized void refresh(Library library) throws IOException { // one build at a time: the last wins
        Map<String, Integer> uses = library.index().withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            Map<String, Integer> counted = new LinkedHashMap<>();
            List<String> terms = new ArrayList<>(DomainDictionary.terms());
            terms.addAll(values(reader, IndexFields.SUGGEST));
            terms.addAll(values(reader, IndexFields.TOPIC));
            for (String term : terms) {
                counted.computeIfAbsent(term, t -> uses(reader, t));
            }
            return counted;
        });
        List<Entry> built = new ArrayList<>();
        uses.forEach((term, n) -> built.add(entry(term, n)));
        built.sort(Comparator.comparingInt(Entry::uses).reversed().thenComparingInt(e -> e.term().length()));
        entries = List.copyOf(built);
        firstBuild.countDown();
    }

    /** Every value of a one-term field. */
    private static List<String> values(IndexReader reader, String field) throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                out.add(t.utf8ToString());
            }
        }
        return out;
    }

    /** How many clauses and cases hold every word of a term, at most: the smallest count of one of its words. */
    private int uses(IndexReader reader, String term) {
        int fewest = Integer.MAX_VALUE;
        try (TokenStream ts = words.tokenStream(IndexFields.TEXT, term)) {
            CharTermAttribute word = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = word.toString();
                fewest = Math.min(fewest, reader.docFreq(new Term(IndexFields.TEXT, w))
                        + reader.docFreq(new Term(IndexFields.CASE_TEXT, w)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fewest == Integer.MAX_VALUE ? 0 : fewest;
    }

    private static Entry entry(String term, int uses) {
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
        return new Entry(term, full.toString().replace("ü", "v"), initials.toString(), uses);
    }

    public List<String> suggest(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
        if (q.isEmpty()) {
            return List.of();
        }
        try {
            firstBuild.await(FIRST_BUILD_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Entry> vocabulary = entries;
        List<String> out = new ArrayList<>();
        for (int pass = 0; pass < 3 && out.size() < MAX; pass++) {
            for (Entry e : vocabulary) {
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
