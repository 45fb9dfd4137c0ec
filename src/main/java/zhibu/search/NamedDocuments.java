package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;

/**
 * The documents a question names, the way people name them: a quoted title (《…》), or a word of the title before the
 * title's kind (机关条例 for 《中国共产党党和国家机关基层组织工作条例》, 党费规定 for 《关于中国共产党党费收缴、使用和管理
 * 的规定》, 五化意见). Resolved against the titles of the index's documents, so a document added tomorrow is named the
 * same way, and a document that is not in the index (支部工作条例 while that 条例 is not bundled) names nothing.
 */
final class NamedDocuments {
    /** The kinds of document a title ends in, as a question says them after a word of the title. */
    private static final Pattern KIND = Pattern.compile("条例|规定|意见|办法|细则|方案|标准|通知|规则|提示");
    private static final Pattern QUOTED = Pattern.compile("《([^》]{2,60})》");
    /** How far before the kind a title word may start (党员教育管理条例: 6 characters). */
    private static final int SPAN = 8;
    /** The shortest title word that names a document. */
    private static final int SHORTEST = 2;

    /** A document of the index: its id and title, and how the question named it (null for the index's list). */
    record Named(String docId, String title, String mention) {
        Named as(String mention) {
            return new Named(docId, title, mention);
        }
    }

    private record Titles(long version, List<Named> documents) {
    }

    private volatile Titles cached = new Titles(-1, List.of());

    /** The documents the question names, in the order named; none when it names none the index holds. */
    List<Named> in(IndexSearcher searcher, String question) throws IOException {
        List<Named> documents = titles(searcher);
        Map<String, Named> named = new LinkedHashMap<>();
        Matcher quoted = QUOTED.matcher(question);
        while (quoted.find()) {
            String title = quoted.group(1).strip();
            documents.stream().filter(d -> d.title().contains(title) || title.contains(stripped(d.title())))
                    .forEach(d -> named.putIfAbsent(d.docId(), d.as(quoted.group())));
        }
        String outside = QUOTED.matcher(question).replaceAll(" ");
        Matcher kind = KIND.matcher(outside);
        while (kind.find()) {
            for (Named d : byWordBefore(documents, outside, kind.start(), kind.group())) {
                named.putIfAbsent(d.docId(), d);
            }
        }
        return List.copyOf(named.values());
    }

    /**
     * The documents of that kind whose title holds the longest run of Chinese characters ending just before the kind
     * word (机关 in 按机关条例), of {@value #SHORTEST} characters or more.
     */
    private static List<Named> byWordBefore(List<Named> documents, String question, int end, String kind) {
        if (end > 0 && question.charAt(end - 1) == '的') {
            return List.of(); // 管理的规定 speaks of rules on a matter, not of a document by its name
        }
        for (int start = Math.max(0, end - SPAN); start <= end - SHORTEST; start++) {
            String word = question.substring(start, end);
            if (!word.codePoints().allMatch(NamedDocuments::han)) {
                continue;
            }
            List<Named> found = new ArrayList<>();
            for (Named d : documents) {
                String title = stripped(d.title());
                if (title.endsWith(kind) && title.substring(0, title.length() - kind.length()).contains(word)) {
                    found.add(d.as(word + kind));
                }
            }
            // a word in several titles names them only where it cannot be read as the end of a longer name the
            // index does not hold (工作 of 党支部工作条例, while that 条例 is not bundled)
            if (found.size() == 1 || found.size() > 1 && (start == 0 || !han(question.codePointAt(start - 1)))) {
                return found;
            }
            if (!found.isEmpty()) {
                return List.of();
            }
        }
        return List.of();
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** A title without quotation marks and brackets (关于推进党支部“五化”建设的意见 → …五化建设的意见). */
    private static String stripped(String title) {
        return title.replaceAll("[“”\"'‘’（）()《》〈〉]", "");
    }

    /** The index's documents, read again when the index changed. */
    private List<Named> titles(IndexSearcher searcher) throws IOException {
        long version = searcher.getIndexReader() instanceof DirectoryReader r ? r.getVersion() : -2;
        Titles titles = cached;
        if (titles.version() == version && version != -2) {
            return titles.documents();
        }
        TermQuery documents = new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label()));
        List<Named> out = new ArrayList<>();
        int count = Math.max(1, searcher.count(documents));
        for (ScoreDoc sd : searcher.search(documents, count).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc,
                    java.util.Set.of(IndexFields.ID, IndexFields.DOC_TITLE_STORED));
            out.add(new Named(d.get(IndexFields.ID), d.get(IndexFields.DOC_TITLE_STORED), null));
        }
        cached = new Titles(version, List.copyOf(out));
        return cached.documents();
    }
}
