package zhibu.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** The query-time synonyms of synonyms.txt, cut into words as queries are. */
final class Synonyms {
    private static SynonymMap map;

    private Synonyms() {
    }

    static synchronized SynonymMap map() {
        if (map == null) {
            try (HanLPAnalyzer words = HanLPAnalyzer.wordsOnly()) {
                SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
                parser.parse(new StringReader(DataFiles.text("synonyms.txt")));
                map = parser.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException e) {
                throw new IllegalStateException("synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
            }
        }
        return map;
    }
}
