package zhibu.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Words by HanLP's standard segmenter (dictionary + Viterbi, as {@code StandardTokenizer}; the portable jar has no
 * CRF or perceptron models). Whitespace and punctuation give no token. In index mode a long word is followed by the
 * words inside it at the same position (党支部书记 → 党支部书记, 党支部, 支部书记, 支部, 书记), so a question using a
 * shorter form still finds it. The input is read and segmented in chunks of at most {@value #CHUNK} characters cut
 * after a line or sentence end, so memory grows with the chunk, not the document (a 20 MB text segmented at once
 * needs gigabytes). Offsets come from HanLP, shifted by the chunk's start, and pass through {@link #correctOffset}.
 */
public final class HanLPTokenizer extends Tokenizer {
    static final int CHUNK = 4096;
    /** Texts segmented by tokenizers of the query flavour, counted so a test can tell how often a search does it. */
    private static final java.util.concurrent.atomic.LongAdder QUERY_PASSES = new java.util.concurrent.atomic.LongAdder();
    private static final String BREAKS = "\n。！？；!?;";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final Segment segment;
    private final boolean indexMode;
    /** Characters read but not segmented yet; {@code pendingStart} is the offset of the first. */
    private final StringBuilder pending = new StringBuilder();
    private final char[] read = new char[CHUNK];
    private int pendingStart;
    private boolean exhausted;
    /** The chunk being emitted: its text, its terms, its offset in the input. */
    private String chunk = "";
    private int chunkStart;
    private Iterator<Word> terms = List.<Word>of().iterator();
    private int coveredTo;
    private int total;

    public HanLPTokenizer(boolean indexMode) {
        DomainDictionary.load();
        this.indexMode = indexMode;
        this.segment = HanLP.newSegment().enableOffset(true).enableIndexMode(indexMode);
    }

    /** How many texts tokenizers of the query flavour (not index mode) have segmented in this JVM. */
    public static long queryPasses() {
        return QUERY_PASSES.sum();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        if (!indexMode) {
            QUERY_PASSES.increment();
        }
        pending.setLength(0);
        pendingStart = 0;
        exhausted = false;
        chunk = "";
        chunkStart = 0;
        terms = List.<Word>of().iterator();
        coveredTo = 0;
        total = 0;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (true) {
            while (terms.hasNext()) {
                Word term = terms.next();
                String word = term.text();
                if (!hasLetterOrDigit(word)) {
                    continue;
                }
                int start = chunkStart + Math.min(term.offset(), chunk.length());
                int end = Math.min(chunkStart + chunk.length(), start + word.length());
                clearAttributes();
                termAtt.setEmpty().append(word);
                posIncAtt.setPositionIncrement(end <= coveredTo ? 0 : 1); // a word inside the word before it
                coveredTo = Math.max(coveredTo, end);
                offsetAtt.setOffset(correctOffset(start), correctOffset(end));
                typeAtt.setType(term.type());
                return true;
            }
            if (!nextChunk()) {
                return false;
            }
        }
    }

    /** Reads on until a chunk ends at a break (or the input does) and segments it; false at the end of input. */
    private boolean nextChunk() throws IOException {
        while (!exhausted && pending.length() < CHUNK) {
            int n = input.read(read, 0, CHUNK - pending.length());
            if (n < 0) {
                exhausted = true;
            } else {
                pending.append(read, 0, n);
                total += n;
            }
        }
        if (pending.length() == 0) {
            return false;
        }
        int cut = pending.length();
        if (!exhausted) {
            for (int i = pending.length() - 1; i > 0; i--) {
                if (BREAKS.indexOf(pending.charAt(i)) >= 0) {
                    cut = i + 1;
                    break;
                }
            }
        }
        chunk = pending.substring(0, cut);
        chunkStart = pendingStart;
        pending.delete(0, cut);
        pendingStart += cut;
        terms = segmentSentences(chunk).iterator();
        return true;
    }

    /** A word as segmented: its text, its offset in the chunk, its part of speech. */
    private record Word(String text, int offset, String type) {
    }

    /**
     * The words of a chunk, segmented sentence by sentence (cut after each break), each sentence looked up first
     * among those this thread segmented last: ingestion analyses a document's text, then its clauses, then their
     * sentences, and each sentence is segmented once instead of three times. No word spans a break, so the words
     * are those of segmenting the chunk at once.
     */
    private List<Word> segmentSentences(String text) {
        List<Word> out = new ArrayList<>();
        Map<String, List<Word>> memo = indexMode ? MEMO.get() : null; // questions are short and seldom repeat
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || BREAKS.indexOf(text.charAt(i)) >= 0) {
                int end = Math.min(text.length(), i + 1);
                if (end > start) {
                    String sentence = text.substring(start, end);
                    List<Word> words = memo == null ? null : memo.get(sentence);
                    if (words == null) {
                        words = new ArrayList<>();
                        for (Term term : segment.seg(sentence)) {
                            words.add(new Word(term.word, term.offset,
                                    term.nature == null ? "word" : term.nature.toString()));
                        }
                        if (memo != null && sentence.length() <= MEMO_CHARS) {
                            memo.put(sentence, words);
                        }
                    }
                    for (Word w : words) {
                        out.add(new Word(w.text(), w.offset() + start, w.type()));
                    }
                }
                start = end;
            }
        }
        return out;
    }

    /** Sentences longer than this are not remembered (they are rare, and a long key is costly to hash). */
    private static final int MEMO_CHARS = 512;
    private static final int MEMO_SENTENCES = 8192;
    private static final ThreadLocal<Map<String, List<Word>>> MEMO = ThreadLocal.withInitial(HanLPTokenizer::memo);

    private static Map<String, List<Word>> memo() {
        return new java.util.LinkedHashMap<>(MEMO_SENTENCES * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Word>> eldest) {
                return size() > MEMO_SENTENCES;
            }
        };
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(total);
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        pending.setLength(0);
        chunk = "";
        terms = List.<Word>of().iterator();
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
